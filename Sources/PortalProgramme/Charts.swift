import Foundation
import PortalContent
import PortalTemplates

/// Numbers for the monitoring page's charts. The theme draws the SVG; this computes what a
/// template cannot: bar lengths relative to the largest value, and percentages.
enum Charts {
    /// The form the programme's charts list first, as the programme's own text does.
    static let firstForm = "teacher-teacher"

    static func monitoring(_ years: [ProgrammeData.Entry], forms: [String: ProgrammeData.Entry]) -> TemplateValue {
        var formOrder: [String] = Array(forms.keys).sorted()
        if formOrder.contains(firstForm) {
            formOrder.removeAll { $0 == firstForm }
            formOrder.insert(firstForm, at: 0)
        }
        var maxPairs = 1
        for year in years {
            for (_, value) in year["pairs"]?.map ?? [:] { maxPairs = max(maxPairs, value.int ?? 0) }
        }
        var formIDs = formOrder
        for id in years.flatMap({ ($0["pairs"]?.map ?? [:]).keys }).sorted() where !formIDs.contains(id) {
            formIDs.append(id)
        }
        let rows: [TemplateValue] = years.map { year in
            let pairs = year["pairs"]?.map ?? [:]
            var bars: [TemplateValue] = []
            var total = 0
            // Rows are numbered among the forms this year has, so the chart's height fits them.
            for id in formIDs {
                guard let count = pairs[id]?.int else { continue }
                let index = bars.count
                total += count
                bars.append([
                    "form": .text(forms[id]?["title"]?.text ?? id),
                    "form_id": .text(id),
                    "count": .int(count),
                    "percent": .int(percent(Double(count), of: Double(maxPairs))),
                    "y": .int(index * 28),
                    "width": .int(Int((Double(count) / Double(maxPairs) * 300).rounded())),
                ])
            }
            let scores: [TemplateValue] = (year["scores"]?.list ?? []).compactMap(\.map).enumerated().map { index, score in
                var s = score
                let value = Double(score["value"]?.text ?? "") ?? 0
                let maximum = Double(score["max"]?.text ?? "") ?? 1
                s["percent"] = .int(percent(value, of: maximum))
                s["value_ru"] = .text(RussianNumber.format(value))
                s["max_ru"] = .text(RussianNumber.format(maximum))
                s["width"] = .int(Int((value / max(maximum, 0.0001) * 300).rounded()))
                s["y"] = .int(index * 28)
                return .map(s)
            }
            var row = year
            row["bars"] = .list(bars)
            row["pairs_total"] = .int(total)
            row["chart_height"] = .int(max(1, bars.count) * 28)
            row["score_list"] = .list(scores)
            row["scores_height"] = .int(max(1, scores.count) * 28)
            return .map(row)
        }
        return ["years": .list(rows), "has_years": .bool(!rows.isEmpty)]
    }

    static func percent(_ value: Double, of maximum: Double) -> Int {
        maximum <= 0 ? 0 : Int((value / maximum * 100).rounded())
    }
}
