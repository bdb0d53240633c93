import XCTest
@testable import Problems

final class ProblemsSmokeTests: XCTestCase {
    func testModuleLoads() {}
}
