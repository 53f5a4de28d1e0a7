import { Badge } from "@fluentui/react-components";
import type { Provenance } from "../../engine/types";
import { provenanceKey, type Translate } from "../strings";

const COLOR: Record<Provenance, "success" | "informative" | "warning"> = {
  official: "success",
  otherProvince: "informative",
  inferred: "warning",
};

export function ProvenanceBadge({ provenance, t }: { provenance: Provenance; t: Translate }) {
  return (
    <Badge appearance="tint" size="small" color={COLOR[provenance]} data-provenance={provenance}>
      {t(provenanceKey(provenance))}
    </Badge>
  );
}
