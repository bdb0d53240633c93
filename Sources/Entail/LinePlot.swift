import Foundation

/// A small SVG line chart: axes with ticks, axis labels, a title, one polyline per series
/// with a marker and a label at each point, and a legend. Written by hand, with no
/// dependencies, for `entail batch --sweep`.
public struct LinePlot: Sendable {
    /// One named line.
    public struct Series: Sendable {
        /// The legend's name for the line.
        public var name: String
        /// The points in drawing order, each with a short label drawn beside its marker.
        public var points: [(x: Double, y: Double, label: String)]

        /// A series from its name and points.
        public init(name: String, points: [(x: Double, y: Double, label: String)]) {
            self.name = name; self.points = points
        }
    }

    /// The title above the plot.
    public var title: String
    /// The horizontal axis's label.
    public var xLabel: String
    /// The vertical axis's label.
    public var yLabel: String
    /// The lines, in legend order.
    public var series: [Series] = []
    /// A fixed vertical range; nil fits the data.
    public var yRange: ClosedRange<Double>?
    /// The image size in pixels.
    public var width = 640.0, height = 420.0

    /// An empty plot with its labels.
    public init(title: String, xLabel: String, yLabel: String) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel
    }

    static let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]

    /// The plot as a standalone SVG document.
    public func svg() -> String {
        let left = 70.0, right = 150.0, top = 40.0, bottom = 55.0
        let plotW = width - left - right, plotH = height - top - bottom
        let xs = series.flatMap { $0.points.map(\.x) }.filter(\.isFinite)
        let ys = series.flatMap { $0.points.map(\.y) }.filter(\.isFinite)
        let xRange = Self.niceRange(min: 0, max: xs.max() ?? 1)
        let yr = yRange ?? Self.niceRange(min: ys.min() ?? 0, max: ys.max() ?? 1)
        func px(_ x: Double) -> Double { left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - yr.lowerBound) / (yr.upperBound - yr.lowerBound) * plotH }
        func f(_ v: Double) -> String { String(format: "%.1f", v) }

        var out: [String] = []
        out.append(#"<?xml version="1.0" encoding="UTF-8"?>"#)
        out.append(#"<svg xmlns="http://www.w3.org/2000/svg" width="\#(f(width))" height="\#(f(height))" viewBox="0 0 \#(f(width)) \#(f(height))" font-family="sans-serif" font-size="12">"#)
        out.append(#"<rect width="100%" height="100%" fill="white"/>"#)
        out.append(#"<text x="\#(f(left + plotW / 2))" y="22" text-anchor="middle" font-size="15">\#(Self.escape(title))</text>"#)
        // Axes and ticks.
        out.append(#"<g stroke="black" stroke-width="1" fill="none"><path d="M\#(f(left)),\#(f(top)) V\#(f(top + plotH)) H\#(f(left + plotW))"/></g>"#)
        for i in 0...5 {
            let x = xRange.lowerBound + Double(i) / 5 * (xRange.upperBound - xRange.lowerBound)
            let y = yr.lowerBound + Double(i) / 5 * (yr.upperBound - yr.lowerBound)
            out.append(#"<line class="tick" x1="\#(f(px(x)))" y1="\#(f(top + plotH))" x2="\#(f(px(x)))" y2="\#(f(top + plotH + 5))" stroke="black"/>"#)
            out.append(#"<text x="\#(f(px(x)))" y="\#(f(top + plotH + 18))" text-anchor="middle">\#(Self.tick(x))</text>"#)
            out.append(#"<line class="tick" x1="\#(f(left - 5))" y1="\#(f(py(y)))" x2="\#(f(left))" y2="\#(f(py(y)))" stroke="black"/>"#)
            out.append(#"<line x1="\#(f(left))" y1="\#(f(py(y)))" x2="\#(f(left + plotW))" y2="\#(f(py(y)))" stroke="gainsboro"/>"#)
            out.append(#"<text x="\#(f(left - 8))" y="\#(f(py(y) + 4))" text-anchor="end">\#(Self.tick(y))</text>"#)
        }
        out.append(#"<text x="\#(f(left + plotW / 2))" y="\#(f(height - 12))" text-anchor="middle">\#(Self.escape(xLabel))</text>"#)
        out.append(#"<text x="18" y="\#(f(top + plotH / 2))" text-anchor="middle" transform="rotate(-90 18 \#(f(top + plotH / 2)))">\#(Self.escape(yLabel))</text>"#)
        // One polyline per series, then the legend.
        for (i, s) in series.enumerated() {
            let color = Self.colors[i % Self.colors.count]
            let pts = s.points.filter { $0.x.isFinite && $0.y.isFinite }
            let path = pts.map { "\(f(px($0.x))),\(f(py($0.y)))" }.joined(separator: " ")
            out.append(#"<polyline class="series" data-name="\#(Self.escape(s.name))" points="\#(path)" fill="none" stroke="\#(color)" stroke-width="2"/>"#)
            for p in pts {
                out.append(#"<circle cx="\#(f(px(p.x)))" cy="\#(f(py(p.y)))" r="3.5" fill="\#(color)"/>"#)
                out.append(#"<text x="\#(f(px(p.x) + 5))" y="\#(f(py(p.y) - 6))" font-size="10" fill="\#(color)">\#(Self.escape(p.label))</text>"#)
            }
            let ly = top + 10 + Double(i) * 20
            out.append(#"<line x1="\#(f(width - right + 15))" y1="\#(f(ly))" x2="\#(f(width - right + 40))" y2="\#(f(ly))" stroke="\#(color)" stroke-width="2"/>"#)
            out.append(#"<text class="legend" x="\#(f(width - right + 46))" y="\#(f(ly + 4))">\#(Self.escape(s.name))</text>"#)
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    /// A range from `min` to a little above `max`, never empty.
    static func niceRange(min lo: Double, max hi: Double) -> ClosedRange<Double> {
        let low = Swift.min(lo, hi), high = Swift.max(lo, hi)
        if high - low < 1e-12 { return low...(low + (low == 0 ? 1 : abs(low))) }
        return low...(high + (high - low) * 0.05)
    }

    static func tick(_ v: Double) -> String {
        if v == 0 { return "0" }
        let a = abs(v)
        if a >= 100 { return String(format: "%.0f", v) }
        if a >= 1 { return String(format: "%.1f", v) }
        if a >= 0.01 { return String(format: "%.3f", v) }
        return String(format: "%.1e", v)
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
