/// The words of early warnings (SPEC §5.4) wherever they appear: `loa status`, `loa report warnings`, the
/// officers' dashboard and section I.5 of reports. Arguments arrive formatted for the language.
public enum WarningText: Sendable, Hashable, Localizable {
    case heading, none
    case reportSubtitle(date: String)
    case unitsHeading, clustersHeading, topicsHeading
    case unitConcern(unit: String, months: String)
    case clusterConcern(cluster: String, trend: String, units: String)
    case sharedTopic(topic: String, count: Int, since: String, units: String)
    case sharedSensitiveTopic(count: Int, since: String)
    case otherUnits(Int)

    public var phrase: Phrase {
        switch self {
        case .heading: Phrase(vi: "Cảnh báo sớm", en: "Early warnings")
        case .none: Phrase(vi: "Không có cảnh báo nào.", en: "No warnings.")
        case .reportSubtitle(let date):
            Phrase(vi: "Cảnh báo sớm về tâm trạng, ý kiến của đoàn viên, người lao động tính đến ngày \(date)",
                   en: "Early warnings on the mood and concerns of members and workers as of \(date)")
        case .unitsHeading: Phrase(vi: "Đơn vị có đoàn viên lo ngại kéo dài",
                                   en: "Units whose members stay worried")
        case .clustersHeading: Phrase(vi: "Cụm có tỷ lệ đơn vị lo ngại tăng dần",
                                      en: "Clusters with a rising share of worried units")
        case .topicsHeading: Phrase(vi: "Cùng một vấn đề ở nhiều đơn vị", en: "The same concern in several units")
        case .unitConcern(let unit, let months):
            Phrase(vi: "\(unit): đoàn viên lo ngại trong hai tháng báo cáo gần nhất (\(months)).",
                   en: "\(unit): members worried in its last two reported months (\(months)).")
        case .clusterConcern(let cluster, let trend, let units):
            Phrase(vi: "\(cluster): tỷ lệ đơn vị báo cáo có đoàn viên lo ngại tăng ba tháng liền (\(trend)); "
                       + "tháng gần nhất: \(units).",
                   en: "\(cluster): the share of reporting units whose members are worried rose three months running "
                       + "(\(trend)); last month: \(units).")
        case .sharedTopic(let topic, let count, let since, let units):
            Phrase(vi: "\(count) đơn vị cùng nêu vấn đề «\(topic)» từ ngày \(since): \(units).",
                   en: "\(count) units raised the concern «\(topic)» since \(since): \(units).")
        case .sharedSensitiveTopic(let count, let since):
            Phrase(vi: "\(count) đơn vị cùng nêu một vấn đề nhạy cảm từ ngày \(since); nội dung chỉ người được giao "
                       + "theo dõi vấn đề nhạy cảm mới xem được.",
                   en: "\(count) units raised the same sensitive concern since \(since); only those entrusted with "
                       + "sensitive issues may read it.")
        case .otherUnits(let n): Phrase(vi: "\(n) đơn vị khác", en: "\(n) other units")
        }
    }
}

extension EarlyWarning {
    /// A sentence names this many units at most, then says how many others.
    public static let unitsNamed = 10

    /// The warning as one sentence with names, never codes; a sensitive topic is named only when `showSensitive`.
    public func sentence(_ index: WorkspaceIndex, showSensitive: Bool, t: Localizer) -> String {
        let names = { (units: [UnitCode]) in
            let shown = units.prefix(EarlyWarning.unitsNamed).map(index.unitName)
            let rest = units.count - shown.count
            return t.list(shown + (rest > 0 ? [t(WarningText.otherUnits(rest))] : []))
        }
        switch self {
        case .unitConcern(let unit, let months):
            return t(WarningText.unitConcern(unit: index.unitName(unit),
                                             months: t.list(months.map(t.shortMonth))))
        case .clusterConcern(let cluster, let months, let shares, let units):
            let trend = zip(months, shares).map { "\(t.shortMonth($0)): \(t.percent($1))" }.joined(separator: " → ")
            return t(WarningText.clusterConcern(cluster: index.clusterName(cluster), trend: trend, units: names(units)))
        case .sharedTopic(let topic, let units, let since, let sensitive):
            guard !sensitive || showSensitive else {
                return t(WarningText.sharedSensitiveTopic(count: units.count, since: t.date(since)))
            }
            return t(WarningText.sharedTopic(topic: topic, count: units.count, since: t.date(since),
                                             units: names(units)))
        }
    }
}
