import Foundation
import PortalContent
import PortalTemplates

/// Numbers for the monitoring page's charts. The theme draws the SVG; this computes what a
/// template cannot: bar lengths relative to the largest value, and percentages.
enum Charts {
    static func monitoring(_ years: [[String: Any]], forms: [String: [String: Any]]) -> [String: Any] {
        var formOrder: [String] = Array(forms.keys).sorted()
        if let first = forms.keys.first(where: { $0 == "teacher-teacher" }) {
            formOrder.removeAll { $0 == first }
            formOrder.insert(first, at: 0)
        }
        var maxPairs = 1
        for year in years {
            for (_, value) in year["pairs"] as? [String: Any] ?? [:] { maxPairs = max(maxPairs, value as? Int ?? 0) }
        }
        var formIDs = formOrder
        for id in years.flatMap({ ($0["pairs"] as? [String: Any] ?? [:]).keys }).sorted() where !formIDs.contains(id) {
            formIDs.append(id)
        }
        let rows: [[String: Any]] = years.map { year in
            let pairs = year["pairs"] as? [String: Any] ?? [:]
            var bars: [[String: Any]] = []
            var total = 0
            // Rows are numbered among the forms this year has, so the chart's height fits them.
            for id in formIDs {
                guard let count = pairs[id] as? Int else { continue }
                let index = bars.count
                total += count
                bars.append([
                    "form": forms[id]?["title"] as? String ?? id,
                    "form_id": id,
                    "count": count,
                    "percent": percent(Double(count), of: Double(maxPairs)),
                    "y": index * 28,
                    "width": Int((Double(count) / Double(maxPairs) * 300).rounded()),
                ])
            }
            let scores: [[String: Any]] = (year["scores"] as? [[String: Any]] ?? []).enumerated().map { index, score in
                var s = score
                let value = Double(score["value"] as? String ?? "") ?? 0
                let maximum = Double(score["max"] as? String ?? "") ?? 1
                s["percent"] = percent(value, of: maximum)
                s["value_ru"] = RussianNumber.format(value)
                s["max_ru"] = RussianNumber.format(maximum)
                s["width"] = Int((value / max(maximum, 0.0001) * 300).rounded())
                s["y"] = index * 28
                return s
            }
            var row = year
            row["bars"] = bars
            row["pairs_total"] = total
            row["chart_height"] = max(1, bars.count) * 28
            row["score_list"] = scores
            row["scores_height"] = max(1, scores.count) * 28
            return row
        }
        return ["years": rows, "has_years": !rows.isEmpty]
    }

    static func percent(_ value: Double, of maximum: Double) -> Int {
        maximum <= 0 ? 0 : Int((value / maximum * 100).rounded())
    }
}
