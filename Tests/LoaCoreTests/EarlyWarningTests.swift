import Testing
import LoaCore

private func month(_ s: String) -> Month { Month(iso: s)! }
private func mood(_ unit: String, _ period: String, _ m: Mood?) -> WarningFacts.MoodReport {
    .init(unit: UnitCode(unit), period: month(period), mood: m)
}
private func raised(_ unit: String, _ topic: String, _ on: String, sensitive: Bool = false) -> WarningFacts.RaisedTopic {
    .init(unit: UnitCode(unit), topic: topic, reportedOn: day(on), sensitive: sensitive)
}
private let clusters = ["a": "c1", "b": "c1", "c": "c1", "d": "c2"]
private func warnings(_ facts: WarningFacts, today: String = "2026-12-07") -> [EarlyWarning] {
    EarlyWarnings.compute(facts, today: day(today), cluster: { clusters[$0.rawValue] })
}

@Suite struct EarlyWarningTests {
    @Test func threeUnitsWithTheSameWorryInOtherWordsGiveOneSharedTopic() {
        let facts = WarningFacts(topics: [
            raised("a", "Lo ngại chậm chi trả lương tăng thêm", "2026-11-20"),
            raised("b", "luong tang them cham chi tra", "2026-11-28"),
            raised("c", "Chi trả lương tăng thêm bị chậm", "2026-12-02"),
            raised("d", "Thông tin sai lệch trên mạng xã hội", "2026-12-01"),
        ])
        #expect(warnings(facts) == [.sharedTopic(topic: "Lo ngại chậm chi trả lương tăng thêm",
                                                 units: ["a", "b", "c"], since: day("2026-11-20"), sensitive: false)])
    }

    @Test func twoUnitsAreNotAWarningNorIsOneUnitThreeTimes() {
        #expect(warnings(WarningFacts(topics: [
            raised("a", "Chậm chi trả lương tăng thêm", "2026-12-01"),
            raised("b", "Chậm chi trả lương tăng thêm", "2026-12-02"),
            raised("b", "chi tra luong tang them cham", "2026-12-03"),
        ])).isEmpty)
    }

    @Test func topicsOutsideTheThirtyDaysUpToTodayDoNotCount() {
        let facts = WarningFacts(topics: [
            raised("a", "Chậm chi trả lương", "2026-11-07"),
            raised("b", "Chậm chi trả lương", "2026-11-08"),
            raised("c", "Chậm chi trả lương", "2026-12-06"),
        ])
        #expect(warnings(facts).isEmpty)
        #expect(warnings(facts, today: "2026-12-06").count == 1)
    }

    @Test func topicsShareTwoWordsAndHalfTheShorterOnesAndGenericWordsDoNotLink() {
        #expect(TopicWords.of("Vấn đề lương") == ["luong"])
        #expect(TopicWords.same(TopicWords.of("chậm trả lương"), TopicWords.of("lương trả chậm quá")))
        // two shared words out of six in the shorter topic are not enough
        #expect(!TopicWords.same(TopicWords.of("chế độ nghỉ phép năm của viên chức trẻ"),
                                 TopicWords.of("chế độ phụ cấp thâm niên nhà giáo vùng cao")))
        let facts = WarningFacts(topics: [
            raised("a", "Vấn đề nhà ở công vụ", "2026-12-01"),
            raised("b", "Vấn đề lương tăng thêm", "2026-12-01"),
            raised("c", "Vấn đề an ninh mạng", "2026-12-01"),
        ])
        #expect(warnings(facts).isEmpty)
    }

    @Test func aChainOfLinkedTopicsIsOneWarning() {
        let facts = WarningFacts(topics: [
            raised("a", "cắt giảm biên chế sáp nhập", "2026-12-01"),
            raised("b", "sáp nhập đơn vị cắt giảm", "2026-12-02"),
            raised("c", "đơn vị sáp nhập trụ sở xa", "2026-12-03", sensitive: true),
        ])
        #expect(warnings(facts) == [.sharedTopic(topic: "cắt giảm biên chế sáp nhập", units: ["a", "b", "c"],
                                                 since: day("2026-12-01"), sensitive: true)])
    }

    @Test func aUnitWorriedInItsLastTwoReportedMonthsWarnsAndACorrectionClearsIt() {
        let worried = [mood("a", "2026-10", .onDinh), mood("a", "2026-11", .loNgai), mood("a", "2026-12", .loNgai),
                       mood("b", "2026-10", .loNgai), mood("b", "2026-11", .quanTam)]
        #expect(warnings(WarningFacts(moods: worried)) == [.unitConcern(unit: "a", months: [month("2026-11"),
                                                                                           month("2026-12")])])
        // a gap between reports still counts the last two reported months
        #expect(warnings(WarningFacts(moods: [mood("d", "2026-08", .loNgai), mood("d", "2026-11", .loNgai)]))
            == [.unitConcern(unit: "d", months: [month("2026-08"), month("2026-11")])])
        // too old to warn: the latest report is four months back
        #expect(warnings(WarningFacts(moods: [mood("d", "2026-07", .loNgai), mood("d", "2026-08", .loNgai)])).isEmpty)
        var corrected = worried
        corrected[2] = mood("a", "2026-12", .quanTam)
        #expect(warnings(WarningFacts(moods: corrected)).isEmpty)
    }

    @Test func aClusterWhoseShareOfWorriedUnitsRoseOverThreeMonthsWarns() {
        // c1 has units a, b, c: 0 of 3, then 1 of 3, then 2 of 2 reporting
        let moods = [mood("a", "2026-09", .onDinh), mood("b", "2026-09", .onDinh), mood("c", "2026-09", .onDinh),
                     mood("a", "2026-10", .onDinh), mood("b", "2026-10", .loNgai), mood("c", "2026-10", .onDinh),
                     mood("b", "2026-11", .loNgai), mood("c", "2026-11", .loNgai)]
        let w = warnings(WarningFacts(moods: moods))
        #expect(w.contains(.clusterConcern(cluster: "c1", months: [month("2026-09"), month("2026-10"),
                                                                    month("2026-11")],
                                           shares: [0, 1.0 / 3, 1], units: ["b", "c"])))
        // a share that falls in the last month is not rising
        var falling = moods
        falling[6] = mood("b", "2026-11", .onDinh)
        falling[7] = mood("c", "2026-11", .onDinh)
        #expect(!warnings(WarningFacts(moods: falling)).contains {
            if case .clusterConcern = $0 { true } else { false }
        })
    }
}
