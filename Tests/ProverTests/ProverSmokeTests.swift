import XCTest
@testable import Prover

final class ProverSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
