import XCTest
@testable import Decoder

final class DecoderSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
