import Annex2
import Testing
@testable import Forms

@Test func requiredTable() {
    let volunteer = RequiredFields.requirements(for: .volunteer, legalEntity: false)
    #expect(volunteer.contains(.field(.roles)))
    #expect(volunteer.contains(.anyOf([.phone, .email])))
    #expect(!RequiredFields.requirements(for: .group, legalEntity: false).contains(.field(.roles)))
    #expect(RequiredFields.requirements(for: .organizer, legalEntity: true).contains(.field(.bin)))
    #expect(!RequiredFields.requirements(for: .organizer, legalEntity: true).contains(.field(.iin)))
    #expect(Set(RequiredFields.common.map { "\($0)" }) == Set([RequiredFields.Requirement.anyOf([.phone, .email]), .field(.activityTypes), .field(.consent)].map { "\($0)" }))
    for kind in ApplicantKind.allCases { #expect(RequiredFields.requirements(for: kind, legalEntity: false).contains(.field(.consent))) }
}
