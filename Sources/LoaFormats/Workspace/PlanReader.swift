import LoaCore

/// Reads `content/plan.yml` (SPEC §2.3).
enum PlanReader {
    static func plan(_ node: YAMLNode, _ d: Diagnostics) -> Plan? {
        let m = MappingReader(node, name: "plan", into: d)
        defer { m.finish() }
        let id = m.id("id", required: true)
        let title = m.string("title", required: true)
        let issuer = m.string("issuer", required: true)
        let parent = m.string("parent_issuer")
        let place = m.string("place", required: true)
        let code = m.string("issuer_code")
        let due = m.integer("report_due_days")
        let quota = m.integer("unit_quota_mib")
        let approval = m.choice("approval", ApprovalPolicy.self)
        if let quota, quota.value < 1 { d.add(.error(.notPositive("unit_quota_mib"), at: quota.location)) }
        var tracking: Month?
        if let t = m.string("tracking_from") {
            tracking = Month(iso: t.value)
            if tracking == nil { d.add(.error(.invalidMonth(t.value), at: t.location)) }
        }
        var signature: Signature?
        if let s = m.mapping("signature") {
            let authority = s.string("authority", required: true)
            let position = s.string("position", required: true)
            let name = s.string("name", required: true)
            s.finish()
            if let authority, let position, let name {
                signature = Signature(authority: authority.value, position: position.value, name: name.value)
            }
        }
        var recipients = Recipients()
        if let r = m.mapping("recipients") {
            recipients = Recipients(plan: r.list("plan")?.map(\.value) ?? [], report: r.list("report")?.map(\.value)
                ?? [])
            r.finish()
        }
        let number = m.string("number")
        let date = m.day("date")
        let implements = m.records("implements") { r -> PlanReference? in
            let number = r.string("number", required: true), date = r.day("date", required: true)
            let issuer = r.string("issuer", required: true), title = r.string("title")
            guard let number, let date, let issuer else { return nil }
            return PlanReference(number: number.value, date: date.value, issuer: issuer.value, title: title?.value)
        }
        let audiences = m.records("audiences", required: true) { r -> Audience? in
            guard let id = r.id("id", required: true, as: AudienceID.self), let name = r.string("name", required: true)
            else { return nil }
            return Audience(id: id, name: name.value)
        }
        let projects = m.records("projects", required: true, project)
        let targets = m.records("targets") { t -> Target? in
            let id = t.id("id", required: true, as: TargetID.self)
            let title = t.string("title", required: true)
            let metric = t.choice("metric", Metric.self, required: true)
            let period = t.choice("period", TargetPeriod.self, required: true)
            let min = t.number("min")
            let share = t.number("share")
            if let share, !(0...1).contains(share.value) { d.add(.error(.shareOutOfRange(String(share.value)),
                at: share.location)) }
            guard let id, let title, let metric, let period else { return nil }
            return Target(id: id, title: title.value, metric: metric, period: period, min: min?.value ?? 1,
                          share: share?.value ?? 1)
        }
        let authorities = m.records("authorities") { a -> Authority? in
            let id = a.id("id", required: true, as: AuthorityID.self)
            let name = a.string("name", required: true)
            let email = a.string("email")
            if let email, !email.value.isPlausibleEmail { d.add(.error(.invalidEmail(email.value),
                at: email.location)) }
            guard let id, let name else { return nil }
            return Authority(id: id, name: name.value, email: email?.value)
        }
        guard let id, let title, let issuer, let place else { return nil }
        var plan = Plan(id: id.value, title: title.value, issuer: issuer.value, parentIssuer: parent?.value,
                        place: place.value, issuerCode: code?.value, reportDueDays: due?.value ?? 5,
                        trackingFrom: tracking, signature: signature, recipients: recipients, audiences: audiences,
                        projects: projects, targets: targets)
        plan.implements = implements
        plan.number = number?.value
        plan.date = date?.value
        if let quota, quota.value >= 1 { plan.unitQuotaMiB = quota.value }
        if let approval { plan.approval = approval }
        plan.authorities = authorities
        return plan
    }

    static func project(_ r: MappingReader) -> Project? {
        let id = r.id("id", required: true, as: ProjectID.self)
        let name = r.string("name", required: true)
        let short = r.string("short")
        let phases = r.records("phases", required: true) { p -> Phase? in
            let pid = p.string("id", required: true)
            let pname = p.string("name", required: true)
            let from = p.day("from", required: true)
            let to = p.day("to")
            let themes = p.records("themes", required: true) { t -> Theme? in
                let tid = t.id("id", required: true, as: ThemeID.self)
                let title = t.string("title", required: true)
                let source = t.string("source")
                let audiences = t.references("audiences", as: AudienceID.self) ?? []
                guard let tid, let title else { return nil }
                return Theme(id: tid, title: title.value, source: source?.value, audiences: audiences)
            }
            guard let pid, let pname, let from else { return nil }
            return Phase(id: Located(PhaseID(pid.value), at: pid.location), name: pname.value, from: from, to: to,
                         themes: themes)
        }
        guard let id, let name else { return nil }
        return Project(id: id, name: name.value, short: short?.value ?? name.value, phases: phases)
    }
}
