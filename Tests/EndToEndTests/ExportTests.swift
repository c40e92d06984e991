import Foundation
import Testing

/// `arrearsctl stats export` against a seeded platform, each format opened by a real reader.
@Suite("Statistics exports", .serialized)
struct ExportTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("CSV with BOM through Python's csv, JSON against its schema, XLSX through openpyxl, a self-contained HTML report")
    func everyFormat() throws {
        let directory = try ServerProcess.temporaryDirectory()
        let database = directory.appendingPathComponent("arrears.sqlite").path
        let seeded = try Binaries.run(
            "arrearsd", ["seed", "--database", database, "--complaints", "900", "--from", "2020-10", "--to", "2020-12"], in: directory)
        #expect(seeded.status == 0, "\(seeded.error)")
        let token = try Binaries.account(database, ["--role", "supervisor", "--name", "国家统计"], in: directory)
        let server = ServerProcess(directory: directory)
        try server.start()
        defer { server.stop() }
        let environment = [
            "ARREARS_SERVER": server.baseURL, "ARREARS_TOKEN": token, "ARREARS_CONFIG": directory.appendingPathComponent("c.json").path,
        ]
        func export(_ format: String, _ file: String, _ extra: [String] = []) throws {
            let result = try Binaries.run(
                "arrearsctl", ["stats", "export", "--month", "2020-10", "--to", "2020-12", "--format", format, "-o", file] + extra,
                environment: environment, in: directory)
            #expect(result.status == 0 && result.output.contains("已写入3个月的统计"), "\(format): \(result.output)\(result.error)")
        }
        try export("csv", "figures.csv")
        try export("csv", "figures-en.csv", ["--english"])
        try export("json", "figures.json")
        try export("xlsx", "figures.xlsx")
        try export("html", "report.html")

        let check = """
            import csv, json, sys, openpyxl, jsonschema
            raw = open("figures.csv", "rb").read()
            assert raw.startswith(b"\\xef\\xbb\\xbf"), "a BOM for Excel"
            rows = list(csv.reader(open("figures.csv", encoding="utf-8-sig", newline="")))
            header = rows[0]
            assert header[:4] == ["月份", "维度", "分组", "登记"], header[:4]
            total = [r for r in rows[1:] if r[1] == "全部"]
            assert [r[0] for r in total] == ["2020-10", "2020-11", "2020-12"], total
            registered = sum(int(r[3]) for r in total)
            assert registered == 900, registered
            provinces = [r for r in rows[1:] if r[1] == "按省份" and r[0] == "2020-12"]
            assert sum(int(r[header.index("累计登记")]) for r in provinces) == 900
            assert any(r[2] == "浙江省 (330000)" for r in provinces), [r[2] for r in provinces][:5]
            english = list(csv.reader(open("figures-en.csv", encoding="utf-8-sig", newline="")))
            assert english[0][:4] == ["month", "dimension", "key", "registered"], english[0][:4]
            document = json.load(open("figures.json"))
            schema = json.load(open(sys.argv[1]))
            jsonschema.validate(document, schema)
            assert [m["month"] for m in document["months"]] == ["2020-10", "2020-11", "2020-12"]
            assert document["months"][-1]["registeredAndForwarded"] == 900
            book = openpyxl.load_workbook("figures.xlsx")
            assert book.sheetnames == ["全部", "按省份", "按被投诉方类型", "按被投诉方层级", "按处理部门", "按行业", "按企业规模"], book.sheetnames
            sheet = book["全部"]
            assert sheet["A1"].value == "月份" and sheet["D1"].value == "登记"
            assert sum(sheet.cell(row=r, column=4).value for r in range(2, 5)) == 900
            paid = [c.value for c in sheet[1]].index("已支付金额(元)") + 1
            assert isinstance(sheet.cell(row=4, column=paid).value, (int, float)), "amounts are numbers"
            kinds = book["按被投诉方类型"]
            assert {kinds.cell(row=r, column=3).value for r in range(2, kinds.max_row + 1)} == {"机关", "事业单位", "大型企业", "财政资金供养单位"}
            html = open("report.html", encoding="utf-8").read()
            assert html.count("<svg") >= 5 and "按省份" in html and "月度趋势" in html
            assert "src=" not in html and "<script" not in html and "<link" not in html, "self-contained"
            print("exports ok")
            """
        let result = try Binaries.run(
            "/usr/bin/python3", ["-c", check, Self.root.appendingPathComponent("Schemas/statistics-export.schema.json").path], in: directory)
        #expect(result.status == 0 && result.output.contains("exports ok"), "\(result.output)\(result.error)")
    }
}
