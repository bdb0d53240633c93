import XCTest
@testable import Decoder

final class SamplerChainTests: XCTestCase {
    let logits: [Float] = [1, 5, 3, 4.5, -2, 0]

    func sample(_ chain: inout SamplerChain, history: [Int32] = []) -> Int32 {
        logits.withUnsafeBufferPointer { chain.sample(logits: $0.baseAddress!, count: $0.count, history: history) }
    }

    func testGreedyPicksArgmax() {
        var c = SamplerChain.standard(temperature: 0, seed: 1)
        XCTAssertEqual(sample(&c), 1)
    }

    func testTopKRestrictsAndSeedReproduces() {
        var seen = Set<Int32>()
        for seed in 0..<200 as Range<UInt64> {
            var a = SamplerChain.standard(temperature: 1.5, topK: 2, seed: seed)
            var b = SamplerChain.standard(temperature: 1.5, topK: 2, seed: seed)
            let x = sample(&a)
            XCTAssertEqual(x, sample(&b), "seed \(seed)")
            seen.insert(x)
        }
        XCTAssertEqual(seen, [1, 3])
    }

    func testTopPAndMinP() {
        for seed in 0..<100 as Range<UInt64> {
            var c = SamplerChain.standard(temperature: 1, topP: 0.5, seed: seed)
            XCTAssertEqual(sample(&c), 1, "seed \(seed)")
            var m = SamplerChain.standard(temperature: 1, minP: 0.5, seed: seed)
            XCTAssertTrue([1, 3].contains(sample(&m)), "seed \(seed)")
        }
    }

    func testRepetitionPenaltyAndBias() {
        var c = SamplerChain(stages: [.repetitionPenalty(penalty: 2, window: 8), .temperature(0)], seed: 0)
        XCTAssertEqual(sample(&c, history: [1]), 3)
        var b = SamplerChain(stages: [.logitBias([1: -.infinity, 3: -10]), .temperature(0)], seed: 0)
        XCTAssertEqual(sample(&b), 2)
    }
}
