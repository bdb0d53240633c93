import XCTest
@testable import Logic

final class LogicSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
