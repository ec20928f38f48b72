import PortalProgramme
import Testing

@Suite struct NameMentionsTests {
    @Test func aFullNameIsLookedForInTheOrdersATeacherWritesIt() {
        #expect(NameMentions.variants(of: "Иванова Анна Сергеевна") == [
            "Иванова Анна Сергеевна", "Анна Сергеевна Иванова", "Иванова А. С.", "А. С. Иванова",
        ])
        #expect(NameMentions.variants(of: "Иванова") == ["Иванова"])
    }
}
