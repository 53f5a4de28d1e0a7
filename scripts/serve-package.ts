// `npm run serve:package [-- --dir FOLDER] [--cert-dir DIR]`: a pilot on one PC before the intranet
// server is ready. Packages the add-in for https://localhost:3000/ (or takes a package made with
// `npm run package -- --base-url https://localhost:PORT/`) and serves it over HTTPS on this machine.
//
// Certificates come from office-addin-dev-certs, as for Microsoft's add-in templates: by default the
// shared development certificate in ~/.office-addin-dev-certs, whose CA it installs in the user's
// trust store (Office only loads a pane whose certificate it trusts). With --cert-dir, a CA and
// localhost certificate made in that folder and installed nowhere: for tests, or to trust by hand.
import { X509Certificate } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateCertificates, getHttpsServerOptions } from "office-addin-dev-certs";
import serveStatic from "serve-static";
import { outputFolder, packageAddin, PackageError, parseBaseUrl, reportFailure } from "./package";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DEV_SERVER_PORT } = require("../webpack.config.js") as { DEV_SERVER_PORT: number };

export const USAGE = "Usage: npm run serve:package [-- --dir out/package/localhost-PORT] [--cert-dir DIR]";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1"]);

export interface Tls {
  cert: Buffer;
  key: Buffer;
}

/** The base URL a package was made for, read from its manifest's SourceLocation; it must be on this machine. */
export function packageBase(folder: string): URL {
  const manifestFile = join(folder, "manifest.xml");
  if (!existsSync(manifestFile)) throw new PackageError(`${folder} has no manifest.xml: give --dir a folder made by npm run package`);
  const sourceLocation = /<SourceLocation\s+DefaultValue="([^"]+)"/.exec(readFileSync(manifestFile, "utf8"))?.[1];
  if (!sourceLocation) throw new PackageError(`${manifestFile} has no <SourceLocation>`);
  const base = new URL(".", sourceLocation);
  if (!LOCAL_HOSTS.has(base.hostname)) {
    throw new PackageError(
      `${folder} was packaged for ${base.href}, not for this PC. serve:package is for a pilot on localhost: ` +
        `npm run package -- --base-url https://localhost:${DEV_SERVER_PORT}/ (or host this folder on ${base.host} as docs/intranet-deployment.zh-CN.md describes).`,
    );
  }
  return base;
}

function stillValid(certificateFile: string): boolean {
  if (!existsSync(certificateFile)) return false;
  return new Date(new X509Certificate(readFileSync(certificateFile)).validTo).getTime() > Date.now() + 24 * 3600 * 1000;
}

/** The certificate for https://localhost: the trusted shared one, or one made in certDir (kept while valid). */
export async function localhostCertificate(certDir?: string): Promise<Tls> {
  if (certDir === undefined) {
    const { cert, key } = await getHttpsServerOptions();
    return { cert, key };
  }
  const [ca, cert, key] = ["ca.crt", "localhost.crt", "localhost.key"].map((name) => join(certDir, name));
  if (!stillValid(cert) || !existsSync(key)) await generateCertificates(ca, cert, key);
  return { cert: readFileSync(cert), key: readFileSync(key) };
}

export interface PackageServer {
  url: string;
  close: () => Promise<void>;
}

/** Serves the package folder over HTTPS at its base URL's host, port and path. */
export async function servePackage(folder: string, base: URL, tls: Tls): Promise<PackageServer> {
  const files = serveStatic(folder, { index: false });
  const server = createServer(tls, (request, response) => {
    const notFound = () => response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("Not found");
    const path = request.url ?? "/";
    if (!path.startsWith(base.pathname)) {
      notFound();
      return;
    }
    request.url = `/${path.slice(base.pathname.length)}`;
    files(request, response, (error?: unknown) => {
      if (error) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end(String(error));
      else notFound();
    });
  });
  await new Promise<void>((listening, fail) => {
    server.once("error", fail);
    server.listen(Number(base.port || 443), base.hostname, listening);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(base.pathname, `https://${base.hostname}:${port}`).href,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { dir: { type: "string" }, "cert-dir": { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  let folder: string;
  if (values.dir !== undefined) folder = resolve(values.dir);
  else {
    const localBase = parseBaseUrl(`https://localhost:${DEV_SERVER_PORT}/`);
    folder = outputFolder(localBase);
    await packageAddin(localBase, folder);
  }
  const base = packageBase(folder);
  const tls = await localhostCertificate(values["cert-dir"] === undefined ? undefined : resolve(values["cert-dir"]));
  const server = await servePackage(folder, base, tls);
  const manifest = relative(process.cwd(), join(folder, "manifest.xml"));
  process.stdout.write(
    [
      `Serving ${relative(process.cwd(), folder) || "."} at ${server.url} (Ctrl+C stops).`,
      `Manifest: ${manifest}. Add it to Excel as docs/intranet-deployment.zh-CN.md describes`,
      "(shared-folder catalog on Windows, or Insert > Add-ins > Upload My Add-in in Excel on the web).",
      values["cert-dir"] === undefined ? "" : `The certificate's CA (${join(values["cert-dir"], "ca.crt")}) is not installed anywhere: Excel will refuse the pane until you trust it.`,
      "",
    ].join("\n"),
  );
  const stop = () => void server.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => reportFailure(error, USAGE));
}
