import { HENAN_CITY_ORDER, orderCities } from "../../../src/workbook/plan/cities";

describe("the order cities are listed in", () => {
  test("is the province's customary order, whatever the input's order or spelling", () => {
    const byCodePoint = ["三门峡", "信阳", "南阳", "周口", "商丘", "安阳", "平顶山", "开封", "新乡", "洛阳", "济源", "漯河", "濮阳", "焦作", "许昌", "郑州", "驻马店", "鹤壁"];
    expect(orderCities(byCodePoint)).toEqual([...HENAN_CITY_ORDER]);
    expect(orderCities(["洛阳市", "郑州市", "开封市", "洛阳市"])).toEqual(["郑州市", "开封市", "洛阳市"]);
    expect(orderCities(["济源示范区", "鹤壁市"])).toEqual(["鹤壁市", "济源示范区"]);
  });

  test("puts cities it does not know after, in the input's order", () => {
    expect(orderCities(["乙市", "洛阳", "甲市", "郑州", "乙市"])).toEqual(["郑州", "洛阳", "乙市", "甲市"]);
    expect(orderCities(["Springfield", "Shelbyville"])).toEqual(["Springfield", "Shelbyville"]);
  });
});
