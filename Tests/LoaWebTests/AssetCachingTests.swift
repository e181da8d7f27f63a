import Foundation
import Testing
@testable import LoaWeb

/// The style sheet and icon over HTTP (SPEC §9.7, issue 23 part 8): pages link names with the content's hash,
/// kept a year; a strong validator answers 304; the plain name still works, checked each time; a favicon.
@Suite struct AssetCachingTests {
    @Test func pagesLinkTheHashedStyleSheetWhichIsCachedForAYearAndRevalidatedWith304() throws {
        let f = try WebFixture()
        let login = try Browser(port: f.port).get("/login")
        let css = try #require(login.text.firstMatch(of: /href="(\/assets\/loa\.[A-Za-z0-9_-]{16}\.css)"/)?.1)
        let icon = try #require(login.text.firstMatch(
            of: /<link rel="icon" type="image\/svg\+xml" href="(\/assets\/loa-icon\.[A-Za-z0-9_-]{16}\.svg)"/)?.1)
        let sheet = try Browser(port: f.port).get(String(css))
        #expect(sheet.status == 200 && sheet.header("Content-Type") == "text/css; charset=utf-8")
        #expect(sheet.header("Cache-Control") == "public, max-age=31536000, immutable")
        let tag = try #require(sheet.header("ETag"))
        #expect(tag.hasPrefix("\"") && !tag.hasPrefix("W/"), "a strong validator")
        #expect(sheet.text.contains("box-sizing"))
        // the browser asks again with its tag: 304, no body
        let again = try Browser(port: f.port).get(String(css), headers: [("If-None-Match", tag)])
        #expect(again.status == 304 && again.bytes == 0)
        #expect(try Browser(port: f.port).get(String(css), headers: [("If-None-Match", "\"other\"")]).status == 200)
        // the icon too
        let svg = try Browser(port: f.port).get(String(icon))
        #expect(svg.status == 200 && svg.header("Content-Type") == "image/svg+xml")
        #expect(svg.header("Cache-Control") == "public, max-age=31536000, immutable")
    }

    @Test func thePlainNameStillWorksButIsRevalidatedAndAWrongHashIsNotFound() throws {
        let f = try WebFixture()
        let plain = try Browser(port: f.port).get("/assets/loa.css")
        #expect(plain.status == 200 && plain.header("Cache-Control") == "no-cache")
        let tag = try #require(plain.header("ETag"))
        #expect(try Browser(port: f.port).get("/assets/loa.css", headers: [("If-None-Match", tag)]).status == 304)
        #expect(try Browser(port: f.port).get("/assets/loa.AAAAAAAAAAAAAAAA.css").status == 404)
        let favicon = try Browser(port: f.port).get("/favicon.ico")
        #expect(favicon.status == 200 && favicon.header("Content-Type") == "image/svg+xml")
    }

    @Test func anotherContentGetsAnotherName() {
        let a = StaticAssets(["loa.css": .css("a{}")]), b = StaticAssets(["loa.css": .css("b{}")])
        #expect(a.hashedName("loa.css") != b.hashedName("loa.css"))
        #expect(a.response(named: b.hashedName("loa.css")) == nil)
        #expect(a.response(named: a.hashedName("loa.css"))?.status == 200)
        #expect(StaticAssets.matches("W/\"x\", \"y\"", "\"y\"") && StaticAssets.matches("*", "\"y\""))
        #expect(!StaticAssets.matches("\"yy\"", "\"y\""))
    }
}
