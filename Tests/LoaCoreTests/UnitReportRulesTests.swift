import Testing
import LoaCore

/// The rules of what a unit sends (SPEC §9.5) that live in LoaCore: explicit answers, starting from last month,
/// which months are expected, and the values a spreadsheet writes.
@Suite struct UnitReportRulesTests {
    func lastMonth() -> ReportFormValues {
        var v = ReportFormValues(unit: "u1", period: Month(iso: "2026-10")!)
        v.reporter = "Nguyễn Thị Lan"
        v.received = ["ban-tin.2026-10-15"]
        v.activities = [
            .init(date: "2026-10-05", type: "hoi-nghi", title: "Hội nghị quán triệt", participants: "42",
                  themes: ["museum/1.1/a"], items: ["bao-tang"]),
            .init(),
            .init(date: "2026-10-20", type: "bang-tin", title: "Bảng tin tháng", participants: "60"),
        ]
        v.mood = "lo-ngai"
        v.summary = "Đoàn viên lo ngại."
        v.issues = [.init(topic: "Giá xăng", detail: "chi tiết", sensitive: false),
                    .init(topic: "Tin đồn", detail: "bí mật", sensitive: true)]
        v.notes = "Ghi chú tháng 10."
        return v
    }

    @Test func startingFromLastMonthCopiesTheShapeAndNeverItsFigures() {
        let next = lastMonth().shape(for: Month(iso: "2026-11")!)
        #expect(next.period == Month(iso: "2026-11")!)
        #expect(next.activities.map(\.type) == ["hoi-nghi", "bang-tin"])
        #expect(next.activities.map(\.title) == ["Hội nghị quán triệt", "Bảng tin tháng"])
        #expect(next.activities.map(\.themes) == [["museum/1.1/a"], []])
        // never last month's head-counts, dates, items, receipts, answers or words
        #expect(next.activities.allSatisfy { $0.participants.isEmpty && $0.date.isEmpty && $0.items.isEmpty })
        #expect(next.reporter.isEmpty && next.received.isEmpty && next.mood.isEmpty && next.summary.isEmpty)
        #expect(next.issues.isEmpty && next.notes.isEmpty && !next.noActivity)
        #expect(next.unanswered == [.reporter, .mood], "a shape is not an answer: the activities need their figures")
    }

    @Test func aReportAnswersWhoReportsTheMoodAndWhatWasDone() {
        var v = ReportFormValues(unit: "u1", period: Month(iso: "2026-11")!)
        #expect(v.unanswered == [.reporter, .activities, .mood])
        v.activities = [.init(), .init()]  // empty rows are no answer
        #expect(v.unanswered == [.reporter, .activities, .mood])
        v.reporter = "  Lan "
        v.mood = "on-dinh"
        v.noActivity = true
        #expect(v.unanswered.isEmpty && !v.contradictsNoActivity)
        v.activities = [.init(title: "Họp")]
        #expect(v.contradictsNoActivity)
        v.noActivity = false
        #expect(v.unanswered.isEmpty)
    }

    @Test func aReportIsExpectedFromTheLatestOfJoinedTrackingAndTheFirstReportOn() {
        var plan = World().workspace.plan
        let today = Day(iso: "2026-12-08")!
        let unit = UnionUnit(code: L("u1"), name: "U1", cluster: nil, members: 1, email: nil, joined: nil, left: nil)
        let late = UnionUnit(code: L("u2"), name: "U2", cluster: nil, members: 1, email: nil,
                             joined: Day(iso: "2026-11-20"), left: nil)
        // nothing recorded, no tracking_from: the report due now is the first expected
        var e = ReportExpectation(plan: plan, firstReported: nil, today: today)
        #expect(e.start == Month(iso: "2026-11")!)
        #expect(e.isExpected(unit, in: Month(iso: "2026-11")!) && !e.isExpected(unit, in: Month(iso: "2026-10")!))
        e = ReportExpectation(plan: plan, firstReported: Month(iso: "2026-09"), today: today)
        #expect(e.isExpected(unit, in: Month(iso: "2026-09")!) && !e.isExpected(late, in: Month(iso: "2026-10")!))
        #expect(e.firstMonth(of: late) == Month(iso: "2026-11")!)
        plan.trackingFrom = Month(iso: "2026-10")
        e = ReportExpectation(plan: plan, firstReported: Month(iso: "2026-09"), today: today)
        #expect(e.start == Month(iso: "2026-10")!, "the later of tracking_from and the first month reported")
        #expect(OpenMonths.isOpen(Month(iso: "2026-12")!, for: late, expectation: e, today: today))
        #expect(OpenMonths.earlier(for: unit, expectation: e, today: today) == [Month(iso: "2026-11")!,
                                                                                 Month(iso: "2026-10")!])
    }

    @Test func spreadsheetDatesAndTypeNamesReadAsTheirValues() {
        #expect(Day(spreadsheet: "05/11/2026") == Day(iso: "2026-11-05"))
        #expect(Day(spreadsheet: "5/11/2026") == Day(iso: "2026-11-05"))
        #expect(Day(spreadsheet: " 2026-11-05 ") == Day(iso: "2026-11-05"))
        #expect(Day(spreadsheet: "31/02/2026") == nil && Day(spreadsheet: "11/2026") == nil)
        #expect(Day(spreadsheet: "05/11/26") == nil, "a two-digit year is not a date anyone can be sure of")
        #expect(ActivityType(named: "Hội nghị") == .hoiNghi && ActivityType(named: "hội nghị") == .hoiNghi)
        #expect(ActivityType(named: "Sinh hoạt chuyên đề") == .sinhHoatChuyenDe)
        #expect(ActivityType(named: "hoi-nghi") == .hoiNghi && ActivityType(named: "Tham quan") == .thamQuan)
        #expect(ActivityType(named: "Hội thảo") == nil && ActivityType(named: "") == nil)
    }

    @Test func aRepeatedUrgentTopicIsTheSameWhateverItsCaseMarksOrPunctuation() {
        #expect(UrgentIssue.topicKey("Tin đồn về kinh phí.") == UrgentIssue.topicKey("tin don ve  KINH PHI"))
        #expect(UrgentIssue.topicKey("Tin đồn về kinh phí") != UrgentIssue.topicKey("Tin đồn về tiến độ"))
    }
}
