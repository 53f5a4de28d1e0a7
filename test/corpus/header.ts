// The indicator header the corpus's workbooks (and the large generated table) are written under.
import type ExcelJS from "exceljs";

export type Row = ExcelJS.CellValue[];

export const HEADER: Row = ["集聚区名称", "所属地市", "增加值（亿元）", "税收收入（亿元）", "从业人员（万人）", "主导产业增加值占比（%）", "上年综合排名", "上年星级", "历史最高星级", "加分"];
export const EN_HEADER: Row = ["Zone", "City", "ValueAdded", "Tax", "Employment", "LeadIndustryShare", "PrevRank", "PrevStars", "MaxStars", "Bonus"];
