import Foundation
import LoaCore
import LoaStore
import LoaWorkflows

/// Once-only writes (SPEC §9.5): every form that records carries a one-time `key` (put there by `Pages.form`).
/// The request runs in one transaction with the key: when it records something, the key is recorded with a
/// digest of what the form held and the answer it got. The same key again records nothing more and gets the
/// same answer; the same key with other content is refused (409) and what was typed comes back. A unit's
/// recording requests also count against its bytes for the day (`unit_quota_mib`, 429 beyond).
enum OnceOnly {
    /// The form field of the key.
    static let keyField = "key"

    /// A new key: 16 random bytes, URL-safe base64.
    static func newKey() -> String { Secrets.base64URL(Secrets.randomBytes(16)) }

    /// The failed answer of a recording request, so that its transaction is rolled back.
    private struct Failed: Error { let response: HTTPResponse }

    static func run(_ route: Router<RequestContext>.Route, _ c: RequestContext,
                    _ handle: () throws -> HTTPResponse) throws -> HTTPResponse {
        guard let key = c.request.formValue(keyField), (16...64).contains(key.utf8.count) else {
            throw HTTPError(400, c.t(WebText.formOutOfDate))
        }
        guard let actor = c.principal.actor else { throw HTTPError(500, c.t(WebText.serverError)) }
        let digest = digest(of: c.request)
        let s = try c.session()
        let unit = c.principal.unit
        let quota = unit == nil ? 0 : try c.workspace().plan.unitQuotaMiB << 20
        do {
            let store = try s.openStore()
            return try store.write { w -> HTTPResponse in
                if let first = try w.reader.formKey(key, actor: actor) {
                    guard first.digest == digest else {
                        let returned = ReturnedForm(reason: .keyReused, path: c.request.path, fields: c.request.form)
                        return (Routes.table.hooks[route.pattern] ?? Pages.returned)(returned, c)
                    }
                    return replay(first, c)
                }
                let size = c.request.body.count
                if let unit, try w.reader.usage(of: unit, on: c.today) + size > quota {
                    return Pages.error(status: 429, message: c.t(WebText.quotaExceeded(quota >> 20)), context: c)
                }
                let before = w.changeCount
                let response = try handle()
                if response.status >= 500 { throw Failed(response: response) }
                if response.status < 400 && w.changeCount > before {
                    try w.recordFormKey(key, actor: actor, record: FormKeyRecord(
                        digest: digest, status: response.status, location: response.header("Location")),
                                        today: c.today)
                    if let unit { try w.addUsage(of: unit, on: c.today, bytes: size) }
                }
                return response
            }
        } catch let failed as Failed {
            return failed.response
        } catch let failure as Failure {
            throw HTTPError(500, c.describe(failure))
        } catch let error as DatabaseError {
            throw HTTPError(500, c.describe(s.storeFailure(error)))
        }
    }

    /// The first answer again: its redirect, or a page saying the form was recorded already.
    static func replay(_ first: FormKeyRecord, _ c: RequestContext) -> HTTPResponse {
        if let location = first.location { return HTTPResponse(status: first.status, headers:
            [HTTPHeader("Location", location)]) }
        return Pages.page(c.t(WebText.alreadyRecorded), context: c, status: first.status,
                          body: [Pages.notice(c.t(WebText.alreadyRecorded))])
    }

    /// A digest of what a form held, whatever order its fields came in: the path, every field but the token, the
    /// key, the resume marker and passwords (sorted by name, values in the order sent), and every file's name and
    /// bytes.
    static func digest(of request: HTTPRequest) -> String {
        var bytes = Array(request.path.utf8) + [0]
        // a password is never kept, not even in a digest (which could be tried against guesses)
        let skipped = Set([CSRF.fieldName, keyField, ReturnedForm.resumeField])
            .union(AdminPages.passwordFields)
        let fields = request.form.enumerated().filter { !skipped.contains($0.element.name) }
            .sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }.map(\.element)
        for f in fields { bytes += Array(f.name.utf8) + [0] + Array(f.value.utf8) + [0] }
        for file in request.files {
            bytes += Array(file.fieldName.utf8) + [0] + Array(file.fileName.utf8) + [0]
            withUnsafeBytes(of: UInt64(file.bytes.count).bigEndian) { bytes += $0 }
            bytes += file.bytes
        }
        return Secrets.digest(bytes)
    }
}
