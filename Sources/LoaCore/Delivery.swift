/// How a channel's issues reach their readers: `deliver:` in `channels.yml` (SPEC §10).
public enum Medium: String, Sendable, CaseIterable, Hashable {
    /// One e-mail per receiving unit that has an address.
    case email
    /// One article per issue on the union's Zalo Official Account.
    case zaloOA = "zalo-oa"
    /// An entry per item in the channel's Atom feed, `out/feeds/CHANNEL.xml`.
    case feed
    /// Printed, posted or read out by people: Loa records it as delivered.
    case print

    /// The medium of a channel that does not say: newsletter → e-mail, website → feed, social → Zalo OA,
    /// anything else → print.
    public static func `default`(for kind: ChannelKind) -> Medium {
        switch kind {
        case .newsletter: .email
        case .website: .feed
        case .social: .zaloOA
        case .bulletinBoard, .meeting, .broadcast: .print
        }
    }

    /// Each receiving unit has a delivery of its own. A Zalo article reaches units only through the OA, so
    /// their receipts come only from their confirmations.
    public var reachesEachUnit: Bool { self != .zaloOA }

    /// The issue itself has a delivery, beside the units': the feed's entry, the Zalo article.
    public var hasIssueDelivery: Bool { self == .feed || self == .zaloOA }
}

extension Channel {
    /// The medium of the channel's issues: its `deliver:`, or the default of its kind.
    public var medium: Medium { deliver ?? .default(for: kind) }
}

/// Where a delivery stands (SPEC §10).
public enum DeliveryState: String, Sendable, CaseIterable, Hashable {
    /// Recorded, not yet handed to anyone (nothing leaves the machine without `distribution.yml`).
    case pending
    /// Handed to the server, its answer not yet recorded: after a crash it may or may not have arrived, so it
    /// is never sent again without a person's word.
    case sending
    /// Accepted by the server (e-mail, Zalo), written (feed), or recorded as handed out (print).
    case sent
    /// Not delivered, with the reason; `loa deliver` tries again.
    case failed
    /// The unit said it received the issue (its page or the receipt link).
    case confirmed

    /// `loa deliver` sends it: never sent, or refused last time.
    public var isToSend: Bool { self == .pending || self == .failed }
    /// It reached its reader, as far as Loa knows.
    public var isDelivered: Bool { self == .sent || self == .confirmed }
    /// It may have left the machine: an issue with such a delivery cannot be unpublished.
    public var mayHaveLeft: Bool { self == .sending || isDelivered }
}

/// One delivery of a published issue: to a unit, or (`unit` nil) the issue's own (the feed entry, the Zalo
/// article).
public struct DeliveryRecord: Sendable, Hashable {
    public let slot: Slot
    public let unit: UnitCode?
    public let medium: Medium
    public let state: DeliveryState
    /// Why it failed (stored, shown in the reader's language).
    public let problem: DeliveryProblem?
    /// The day it last changed state.
    public let changed: Day
    public let confirmed: Day?

    public init(slot: Slot, unit: UnitCode?, medium: Medium, state: DeliveryState, problem: DeliveryProblem?,
                changed: Day, confirmed: Day?) {
        self.slot = slot; self.unit = unit; self.medium = medium; self.state = state; self.problem = problem
        self.changed = changed; self.confirmed = confirmed
    }
}

/// Whether a published issue may be taken back (SPEC §9.7): only while none of its deliveries was sent,
/// confirmed or handed to a server.
public enum Unpublishing {
    public static func isAllowed(_ states: some Sequence<DeliveryState>) -> Bool {
        !states.contains(where: \.mayHaveLeft)
    }
}

/// Addresses under the web front's base URL that other people open: receipt links, the feed, and the pictures
/// Zalo fetches (`loa serve` answers them).
public struct PublicLinks: Sendable, Hashable {
    /// The base URL without a trailing slash.
    public let base: String

    public init(base: String) {
        var b = base
        while b.hasSuffix("/") { b.removeLast() }
        self.base = b
    }

    /// `BASE/r/TOKEN`: confirms one unit's receipt of one issue.
    public func receipt(_ token: String) -> String { base + "/r/" + token }
    /// `BASE/feeds/CHANNEL.xml`: the channel's Atom feed (`out/feeds/CHANNEL.xml`).
    public func feed(_ channel: ChannelID) -> String { base + "/feeds/\(channel).xml" }
    /// `BASE/p/CHANNEL/DATE.html`: a published issue of a channel that is public (feed, Zalo OA).
    public func issue(_ slot: Slot) -> String { base + "/p/\(slot.channel)/\(slot.date.iso).html" }
    /// `BASE/p/CHANNEL/PATH`: a picture copied next to the channel's issues (`out/issues/CHANNEL/PATH`), each
    /// part of the path percent-encoded.
    public func file(_ channel: ChannelID, _ relative: String) -> String {
        base + "/p/\(channel)/" + relative.split(separator: "/").map { percentEncoded(String($0)) }
            .joined(separator: "/")
    }
    /// The host of the base URL, for ids that must stay the same (`Message-ID`, Atom ids).
    public var host: String {
        var rest = Substring(base)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        let host = rest.prefix { $0 != "/" && $0 != ":" && $0 != "?" }
        return host.isEmpty ? "loa.invalid" : String(host).lowercased()
    }

    /// Everything but unreserved ASCII (RFC 3986) as `%XX`.
    func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Character(Unicode.Scalar(b))
            if b < 0x80, c.isLetter || c.isNumber || "-._~".contains(c) { out.append(c) } else {
                out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 15, radix: 16, uppercase: true)
            }
        }
        return out
    }
}

/// Whether a host (as a URL writes it) is this machine's loopback: `localhost`, 127.0.0.0/8 or `::1`. Only there
/// may mail or API requests travel without TLS.
public func isLoopback(host: String) -> Bool {
    var h = host.lowercased()
    if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
    if h == "localhost" || h == "::1" || h == "0:0:0:0:0:0:0:1" { return true }
    let parts = h.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
}
