import Testing
@testable import Plot

/// Where an automatic legend goes: a corner while one is free, else the least covered edge middle.
@Suite struct LegendPlacementTests {
    let transform = PanelTransform(x: Scale(.linear, lower: 0, upper: 1), y: Scale(.linear, lower: 0, upper: 1),
                                   plot: Rect(x: 0, y: 0, width: 300, height: 200))
    let entries = [LegendEntry(label: "y = 0", style: .cycle(0)), LegendEntry(label: "y = 1", style: .cycle(1))]

    private func box(avoiding data: [DataPoint]) -> Rect? {
        let context = MarkContext(canvas: RecordingCanvas(), transform: transform, theme: .textbook)
        return LegendBox.place(entries, placement: .automatic, context: context,
                               avoid: data.compactMap { transform.device($0) })
    }

    @Test func aFreeCornerIsUsed() throws {
        let found = try #require(box(avoiding: [DataPoint(0.98, 0.98), DataPoint(0.02, 0.98)]))
        #expect(found.maxY > 150, "a bottom corner: \(found)")
    }

    @Test func withEveryCornerTakenTheLegendMovesToAnEdgeMiddleAndCoversNoPoint() throws {
        // XOR's four points, one in each corner of the view.
        let corners = [DataPoint(0.02, 0.02), DataPoint(0.98, 0.02), DataPoint(0.02, 0.98), DataPoint(0.98, 0.98)]
        let found = try #require(box(avoiding: corners))
        #expect(!corners.compactMap { transform.device($0) }.contains { found.inset(by: -3).contains($0) })
        #expect(abs(found.midX - 150) < 1 || abs(found.midY - 100) < 1, "an edge middle: \(found)")
    }
}
