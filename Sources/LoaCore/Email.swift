extension String {
    /// Whether the text looks like one e-mail address (`local@domain.tld`, no spaces or controls): enough to catch a
    /// typo in a settings file; the mail server has the last word.
    public var isPlausibleEmail: Bool {
        let parts = split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty,
              domain.contains("."), !domain.hasPrefix("."), !domain.hasSuffix(".") else { return false }
        return !unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 || $0.value == 0x7F
            || "<>,;:\"()[]\\".unicodeScalars.contains($0) }
    }
}
