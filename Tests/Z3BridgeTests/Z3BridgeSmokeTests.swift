import XCTest
@testable import Z3Bridge

final class Z3BridgeSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
