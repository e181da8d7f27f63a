import Foundation
import Testing
@testable import LoaFormats
import LoaCore

private func at(_ line: Int, _ column: Int) -> LoaCore.SourceLocation {
    LoaCore.SourceLocation(path: "t.yml", line: line, column: column)
}

/// Issue 13.1: plain scalars that other YAML readers do not read as text are refused, with a hint to quote.
@Suite struct YAMLPlainScalarTests {
    @Test func aColonAndSpaceInsideAPlainValueIsRefusedAtTheColonWithAQuotedSuggestion() {
        let d = failure("title: Điện Biên: ngày hội\n")
        #expect(d?.message == .yamlPlainColon(suggestion: "\"Điện Biên: ngày hội\""))
        #expect(d?.location == at(1, 17))
        #expect(failure("a: b\ntitle: ngày hội:\n")?.location == at(2, 16))
        #expect(failure("- Điện Biên: ngày hội: x\n")?.message == .yamlPlainColon(suggestion: "\"ngày hội: x\""))
    }

    @Test func quotedColonsURLsAndCommentsStayAsTheyWere() throws {
        let n = try yaml("a: \"Điện Biên: ngày hội\"\nb: http://x.vn/a:b\nc: x # comment\nd: x#y\ne: a:b\n")
        #expect(scalar(n, "a") == "Điện Biên: ngày hội")
        #expect(scalar(n, "b") == "http://x.vn/a:b")
        #expect(scalar(n, "c") == "x")
        #expect(scalar(n, "d") == "x#y")
        #expect(scalar(n, "e") == "a:b")
    }

    @Test func aValueStartingWithAnIndicatorIsRefusedWithAHintToQuote() {
        let cases = [("a: - x\n", "-"), ("a: ? x\n", "?"), ("a: : x\n", ":"), ("a: ,x\n", ","), ("a: ]x\n", "]"),
                     ("a: }x\n", "}"), ("a: %x\n", "%"), ("a: @x\n", "@"), ("a: `x\n", "`"), ("- ]\n", "]")]
        for (text, indicator) in cases {
            guard case .yamlPlainIndicator(let c, _)? = failure(text)?.message else {
                Issue.record("not refused as an indicator: \(text)")
                continue
            }
            #expect(c == indicator)
        }
        #expect(failure("a: - x\n")?.message == .yamlPlainIndicator("-", suggestion: "\"- x\""))
        #expect(failure("a: - x\n")?.location == at(1, 4))
        // "-x", "?x" and ":x" are text to every reader
        #expect(scalar(try? yaml("a: -x\nb: ?x\nc: :x\n"), "b") == "?x")
    }

    @Test func flowItemsRefuseBracesBracketsColonsAndQuestionMarks() {
        #expect(failure("a: [x: y]\n")?.message == .yamlFlowCharacter(":", suggestion: "\"x: y\""))
        #expect(failure("a: [x: y]\n")?.location == at(1, 6))
        #expect(failure("a: [a{b]\n")?.message == .yamlFlowCharacter("{", suggestion: "\"a{b\""))
        #expect(failure("a: [a}b]\n")?.message == .yamlFlowCharacter("}", suggestion: "\"a}b\""))
        #expect(failure("a: [a[b]\n")?.message == .yamlFlowCharacter("[", suggestion: "\"a[b\""))
        #expect(failure("a: [a?b]\n")?.message == .yamlFlowCharacter("?", suggestion: "\"a?b\""))
        #expect(failure("a: [[a]]\n")?.message == .yamlUnsupported("nested flow sequences"))
        #expect(failure("a: [{a: 1}]\n")?.message == .yamlUnsupported("flow mappings"))
        #expect(failure("a: [- a]\n")?.message == .yamlPlainIndicator("-", suggestion: "\"- a\""))
        #expect(failure("a: [a, , b]\n")?.location == at(1, 8))
        #expect(failure("a: [a, b # c]\n")?.message == .yamlUnterminatedFlow)
    }

    @Test func tabsOutsideQuotesAreRefusedAndInsideQuotesKept() throws {
        #expect(failure("a: x\ty\n")?.message == .yamlTabOutsideQuotes)
        #expect(failure("a: x\ty\n")?.location == at(1, 5))
        #expect(failure("a:\tx\n")?.message == .yamlTabOutsideQuotes)
        #expect(failure("a: x\t\n")?.message == .yamlTabOutsideQuotes)
        #expect(failure("a: x\n\t\nb: y\n")?.message == .yamlTab)
        #expect(scalar(try yaml("a: \"x\ty\"\nb: x # tab\tin a comment\n"), "a") == "x\ty")
    }

    @Test func controlCharactersLoneCarriageReturnsAndDocumentMarkersAreRefused() {
        #expect(failure("a: x\u{1B}[2Ky\n")?.message == .controlCharacter(0x1B))
        #expect(failure("a: x\u{1B}[2Ky\n")?.location == at(1, 5))
        #expect(failure("a: x\ry\n")?.message == .controlCharacter(0x0D))
        #expect(failure("a: x\u{2028}y\n")?.message == .controlCharacter(0x2028))
        #expect(failure("a: \"\\e[2K\"\n")?.message == .controlCharacter(0x1B))
        #expect(failure("a: \"\\u001b\"\n")?.message == .controlCharacter(0x1B))
        #expect(failure("a: \"\\0\"\n")?.message == .controlCharacter(0))
        #expect(failure("a: 1\n...\n")?.message == .yamlUnsupported("document markers (--- …)"))
        #expect(failure("a: 1\n" + String(repeating: "k", count: 1025) + ": 1\n")?.message == .yamlKeyTooLong(limit: 1024))
        #expect(failure("a: 1\n" + String(repeating: "k", count: 1025) + ": 1\n")?.location == at(2, 1))
    }
}

/// Issue 13.2: errors say what is wrong; scalars continued on the next line are read as YAML folds them.
@Suite struct YAMLMultiLineTests {
    @Test func aDoubleQuotedValueContinuedOnIndentedLinesFoldsLikeYAML() throws {
        let n = try yaml("a: \"one\n  two  \n\n\n   three\"\nb: \"join\\\n    ed \\\n  here\"\nc: x\n")
        #expect(scalar(n, "a") == "one two\n\nthree")
        #expect(scalar(n, "b") == "joined here")
        #expect(scalar(n, "c") == "x")
    }

    @Test func aSingleQuotedValueContinuedOnIndentedLinesFoldsLikeYAML() throws {
        let n = try yaml("- 'it''s\n  # not a comment\n\n  ok'\n- x\n")
        #expect(scalar(n, "0") == "it's # not a comment\nok")
        #expect(scalar(n, "1") == "x")
    }

    @Test func aPlainValueContinuedOnIndentedLinesFoldsLikeYAML() throws {
        let n = try yaml("a:\n  b: Đoàn viên đồng tình,\n    mong sớm có tài liệu.\n\n    Cảm ơn. # c\n  c: x\n"
                         + "d:\n  tiếp theo\n  dòng\n")
        #expect(scalar(n, "a", "b") == "Đoàn viên đồng tình, mong sớm có tài liệu.\nCảm ơn.")
        #expect(scalar(n, "a", "c") == "x")
        #expect(scalar(n, "d") == "tiếp theo dòng")
    }

    @Test func aQuoteClosedOnALineNotIndentedEnoughIsAnIndentationErrorNotAnUnclosedQuote() {
        let d = failure("a:\n  b: \"one\n  two\"\n")
        #expect(d?.message == .yamlQuotedIndent)
        #expect(d?.location == at(3, 3))
    }

    @Test func aQuoteLeftOpenIsReportedWhereItOpens() {
        #expect(failure("a: \"one\nb: 2\n")?.message == .yamlUnterminatedQuote)
        #expect(failure("a: \"one\nb: 2\n")?.location == at(1, 4))
        #expect(failure("a: 'one\n  two\n")?.location == at(1, 4))
        #expect(failure("a: \"key \"x\": 1\n")?.message == .yamlTrailing("x\": 1"))
    }

    @Test func flowListsMaySpanIndentedLinesWithComments() throws {
        let n = try yaml("a: [museum/1.1/a,   # the first\n     \"museum/1.1/b\",\n     digital/2.1/a]\nb: x\n")
        guard case .mapping(let e, _)? = n, case .sequence(let items, _) = e[0].value else {
            Issue.record("shape")
            return
        }
        #expect(items.count == 3)
        #expect(items[2].location == SourceLocation(path: "t.yml", line: 3, column: 6))
        #expect(scalar(n, "b") == "x")
        #expect(failure("a: [x,\nb: 1\n")?.location == at(1, 4))
    }

    @Test func aMoreIndentedLineThatReadsAsStructureIsAnIndentationError() {
        #expect(failure("- a\n   - b\n")?.message == .yamlBadIndent)
        #expect(failure("a: x\n  b: y\n")?.location == at(2, 3))
    }

    @Test func literalBlocksKeepSpacesBeyondTheirIndentation() throws {
        let n = try yaml("a: |\n  x\n    \n  y\nb: |+\n  z\n\n\nc: |-\n  w\n\n")
        #expect(scalar(n, "a") == "x\n  \ny\n")
        #expect(scalar(n, "b") == "z\n\n\n")
        #expect(scalar(n, "c") == "w")
        #expect(failure("a: |\n    \n  x\n")?.message == .yamlBadIndent)
    }

    @Test func aListEntryThatIsAMappingSaysSoAndSuggestsTheThemePath() {
        let d = Diagnostics()
        guard let node = try? yaml("themes:\n  - museum: 1.1\n") else { Issue.record("parse"); return }
        let r = MappingReader(node, name: "item", into: d)
        _ = r.list("themes", required: true)
        r.finish()
        #expect(d.all.map(\.message) == [.listEntryIsMapping("themes", entry: "museum: 1.1", suggestion: "museum/1.1")])
        #expect(d.all.first?.location == at(2, 5))
        let text = d.all.first?.message.text(.en) ?? ""
        #expect(text.contains("quote it: \"museum: 1.1\"; did you mean \"museum/1.1\"?"))
    }
}

/// Issue 17.2: nesting has a limit, checked before recursing.
@Suite struct YAMLNestingTests {
    @Test func fiftyThousandNestedDashesAreAnErrorAtTheFirstLevelTooDeep() {
        let d = failure(String(repeating: "- ", count: 50_000) + "x\n")
        #expect(d?.message == .yamlTooDeep(limit: YAMLParser.maxDepth))
        #expect(d?.location == at(1, 2 * YAMLParser.maxDepth + 1))
    }

    @Test func deeplyNestedMappingsAreAnErrorAndThirtyTwoLevelsAreFine() throws {
        func nested(_ n: Int) -> String {
            (0..<n).map { String(repeating: " ", count: $0) + "k\($0):\n" }.joined()
                + String(repeating: " ", count: n) + "v: 1\n"
        }
        #expect(try yaml(nested(YAMLParser.maxDepth - 1)) != nil)
        #expect(failure(nested(YAMLParser.maxDepth))?.message == .yamlTooDeep(limit: YAMLParser.maxDepth))
        #expect(failure(nested(1_000))?.message == .yamlTooDeep(limit: YAMLParser.maxDepth))
    }
}
