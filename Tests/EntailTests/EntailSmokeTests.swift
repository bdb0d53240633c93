import XCTest
@testable import Entail

final class EntailSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
