import LoaCore
import Testing

@Suite struct PasswordPolicyTests {
    @Test func aPasswordIsLongNotOneCharacterAndNotCommon() {
        #expect(PasswordPolicy.problem("ngắn") == .passwordTooShort(12))
        #expect(PasswordPolicy.problem("          ") == .passwordTooShort(12))
        #expect(PasswordPolicy.problem("            ") == .passwordOneCharacter)
        #expect(PasswordPolicy.problem("ééééééééééééé") == .passwordOneCharacter)
        for common in ["password1234", "PASSWORD1234", "qwertyuiop123", "123456789012", "!!password!!2026",
                       "iloveyouiloveyou", "matkhau123456", "anhyeuem2026!"] {
            #expect(PasswordPolicy.problem(common) == .passwordCommon, "\(common)")
        }
        for fine in ["ba con mèo trèo cây cau", "đồng-chí-lan-2026", "x7#kd0-Qm2!a"] {
            #expect(PasswordPolicy.problem(fine) == nil, "\(fine)")
        }
    }
}
