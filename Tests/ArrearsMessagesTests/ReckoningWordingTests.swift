import ArrearsCore
import ArrearsMessages
import ArrearsStore
import ArrearsTestSupport
import Testing

/// DOMAIN.md's worked examples on the 2026 table, worded for a Chinese and an English reader.
@Suite("How a due date was counted, in the reader's language")
struct ReckoningWordingTests {
    let calendar = Fixtures.calendar
    let rules = Fixtures.rules

    func worded(_ stage: DeadlineStage, from start: String, _ language: Language) throws -> String {
        let date = Fixtures.date(start)
        let deadline = rules.deadline(stage, under: rules.ruleSet(receivedOn: date), from: date, on: calendar)
        return Wording(language).reckoning(try #require(calendar.reckoning(deadline)))
    }

    @Test(
        "Ten working days name the holidays skipped and the make-up days counted",
        arguments: [
            (
                "2026-09-24",
                "自2026年9月24日（当日不计入）起10个工作日；跳过2026年9月25日至27日中秋节、2026年10月1日至7日国庆节；"
                    + "计入2026年10月10日（星期六，国庆节调休上班），截止2026年10月15日",
                "10 working days from 2026-09-24 (not counted); skipped 2026-09-25…27 Mid-autumn Festival, 2026-10-01…07 National Day; "
                    + "counted Saturday 2026-10-10 (National Day make-up working day); due 2026-10-15"
            ),
            (
                "2026-02-12",
                "自2026年2月12日（当日不计入）起10个工作日；跳过2026年2月15日至23日春节；"
                    + "计入2026年2月14日（星期六，春节调休上班）、2026年2月28日（星期六，春节调休上班），截止2026年3月4日",
                "10 working days from 2026-02-12 (not counted); skipped 2026-02-15…23 Spring Festival; "
                    + "counted Saturday 2026-02-14 (Spring Festival make-up working day), Saturday 2026-02-28 (Spring Festival make-up working day); "
                    + "due 2026-03-04"
            ),
            (
                "2026-04-30",
                "自2026年4月30日（当日不计入）起10个工作日；跳过2026年5月1日至5日劳动节；计入2026年5月9日（星期六，劳动节调休上班），截止2026年5月18日",
                "10 working days from 2026-04-30 (not counted); skipped 2026-05-01…05 Labour Day; "
                    + "counted Saturday 2026-05-09 (Labour Day make-up working day); due 2026-05-18"
            ),
        ])
    func workingDays(start: String, chinese: String, english: String) throws {
        #expect(try worded(.review, from: start, .chinese) == chinese)
        #expect(try worded(.review, from: start, .english) == english)
    }

    @Test(
        "Thirty days that end on a holiday or a rest day run to the next working day, and say why",
        arguments: [
            (
                "2026-09-01",
                "自2026年9月1日（当日不计入）起30日，至2026年10月1日；该日为国庆节假期，期限顺延至其后第一个工作日2026年10月8日（民法典第二百零三条）",
                "30 days from 2026-09-01 (not counted): 2026-10-01 is a day off (National Day holiday), "
                    + "so the period ends on the next working day, 2026-10-08 (民法典 第二百零三条)"
            ),
            (
                "2026-01-16",
                "自2026年1月16日（当日不计入）起30日，至2026年2月15日；该日为春节假期，期限顺延至其后第一个工作日2026年2月24日（民法典第二百零三条）",
                "30 days from 2026-01-16 (not counted): 2026-02-15 is a day off (Spring Festival holiday), "
                    + "so the period ends on the next working day, 2026-02-24 (民法典 第二百零三条)"
            ),
            (
                "2026-10-15",
                "自2026年10月15日（当日不计入）起30日，至2026年11月14日；该日为休息日（星期六），期限顺延至其后第一个工作日2026年11月16日（民法典第二百零三条）",
                "30 days from 2026-10-15 (not counted): 2026-11-14 is a day off (Saturday, a rest day), "
                    + "so the period ends on the next working day, 2026-11-16 (民法典 第二百零三条)"
            ),
            ("2026-11-02", "自2026年11月2日（当日不计入）起30日，至2026年12月2日", "30 days from 2026-11-02 (not counted): 2026-12-02"),
        ])
    func calendarDays(start: String, chinese: String, english: String) throws {
        #expect(try worded(.handling, from: start, .chinese) == chinese)
        #expect(try worded(.handling, from: start, .english) == english)
    }

    @Test("A target the 2021 measures do not fix as a limit says so before its counting")
    func target() throws {
        #expect(try worded(.forward, from: "2024-03-01", .chinese) == "参考时限，非法定期限（measures-2021）：自2024年3月1日（当日不计入）起10个工作日，截止2024年3月15日")
        #expect(
            try worded(.forward, from: "2024-03-01", .english)
                == "target, not a statutory limit (measures-2021): 10 working days from 2024-03-01 (not counted); due 2024-03-15")
    }

    @Test("Every holiday the shipped calendar names has a name in both languages")
    func holidayNames() throws {
        let names = Set(ShippedReferenceData.calendarCSV.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[2]) })
        #expect(names.count >= 7)
        for name in names {
            #expect(MessageCatalogue.shipped.text(Wording.holidayID(name), in: .chinese) != nil, "\(name)")
            #expect(MessageCatalogue.shipped.text(Wording.holidayID(name), in: .english) != nil, "\(name)")
        }
        #expect(Wording(.chinese).holiday("National Day") == "国庆节")
        #expect(Wording(.chinese).holiday("Founding Day 2049") == "Founding Day 2049")
    }

    @Test("Money in yuan with fen and thousands separators, the same in both languages")
    func money() throws {
        #expect(Wording(.chinese).money(try Fen(45_600_000)) == "¥456,000.00")
        #expect(Wording(.english).money(try Fen(45_600_000)) == "¥456,000.00")
        #expect(Wording(.chinese).money(try Fen(5)) == "¥0.05")
    }
}

extension ReckoningWordingTests {
    @Test("A provisional count says which year's table it lacks and that it will be recounted")
    func provisional() throws {
        #expect(
            try worded(.review, from: "2026-12-24", .chinese)
                == "自2026年12月24日（当日不计入）起10个工作日，截止2027年1月7日；暂定：2027年节假日安排尚未导入，该年暂按周末计算，导入后重新计算")
        #expect(
            try worded(.review, from: "2026-12-24", .english)
                == "10 working days from 2026-12-24 (not counted); due 2027-01-07; provisional: 2027's holiday table is not loaded yet, "
                + "so its days are counted with weekends only until it is")
    }
}
