import Cases
import Glibc
import Intake
import Store

/// `cases edit ID FIELD=VALUE...` and `cases reparse ID`: staff put right what the parser read,
/// by hand or by reading the messages again. Both are recorded with the staff member's login;
/// neither decides the case nor sends anything.
struct CaseCorrectionCommand {
    let console: Console
    let wording: StaffWording

    func edit(_ operands: [String], intake: Intake) -> Int32 {
        guard operands.count >= 2 else {
            console.error("tizilim cases edit: expected 'cases edit ID FIELD=VALUE...', e.g. cases edit VR-2026-000123 "
                          + "iin=830717350867 'fullName=Ким Виктор Алексеевич'. Fields: "
                          + StaffCorrection.fieldNames.joined(separator: ", "))
            return ExitCode.usage
        }
        let id = operands[0].uppercased()
        let now = LocalDateTime(utcSeconds: Int64(time(nil)))
        var corrections: [StaffCorrection] = []
        for assignment in operands.dropFirst() {
            switch StaffCorrection.parse(assignment, year: now.date.year) {
            case .success(let correction): corrections.append(correction)
            case .failure(let problem):
                console.error("tizilim cases edit \(id): \(problem); nothing changed")
                return problem.reason.hasPrefix("expected FIELD") || problem.reason.hasPrefix("no such field")
                    ? ExitCode.usage : ExitCode.dataError
            }
        }
        let actor = StaffDecisionCommand.login()
        do {
            switch try intake.edit(corrections, caseID: id, actor: actor, at: now) {
            case .failure(let refusal):
                console.error("tizilim cases edit \(id): \(refusal.reason); nothing changed")
                return refusal.reason.hasPrefix("no case") ? ExitCode.noInput : ExitCode.dataError
            case .success(let edited):
                let w = wording
                if edited.changes.isEmpty {
                    console.line(id + ": " + w.pick("өзгеріс жоқ: мәндер бұрынғыдай", "без изменений: значения те же",
                                                    "no change: the values are already these"))
                    return ExitCode.ok
                }
                for change in edited.changes {
                    let was = change.before ?? w.pick("оқылмаған", "не прочитано", "not read")
                    console.line(id + ": " + w.field(change.key) + " = " + (change.after ?? "")
                                 + w.pick(" (бұрын: \(was)); қызметкер енгізді: \(actor)",
                                          " (было: \(was)); внесено сотрудником \(actor)",
                                          " (was: \(was)); staff-entered by \(actor)"))
                }
                if let number = edited.registerEntry {
                    console.line(w.pick("Тізілімдегі № \(number) жазба жаңартылды", "Запись № \(number) в реестре обновлена",
                                        "Register entry № \(number) updated"))
                }
                for warning in edited.warnings { console.error("tizilim cases edit \(id): warning: \(warning)") }
                return ExitCode.ok
            }
        } catch {
            console.error("tizilim cases edit: \(error)")
            return ExitCode.software
        }
    }

    func reparse(_ operands: [String], intake: Intake) -> Int32 {
        guard operands.count == 1 else {
            console.error("tizilim cases reparse: expected 'cases reparse ID'")
            return ExitCode.usage
        }
        let id = operands[0].uppercased()
        let actor = StaffDecisionCommand.login()
        do {
            switch try intake.reparse(caseID: id, actor: actor, at: LocalDateTime(utcSeconds: Int64(time(nil)))) {
            case .failure(let refusal):
                console.error("tizilim cases reparse \(id): \(refusal.reason); nothing changed")
                return refusal.reason.hasPrefix("no case") ? ExitCode.noInput : ExitCode.dataError
            case .success(let readings):
                let w = wording
                console.line(id + ": " + w.pick("хаттар қазіргі талдағышпен қайта оқылды", "письма перечитаны текущим разборщиком",
                                                "messages read again with the current parser"))
                for reading in readings {
                    var line = "  " + w.pick("\(reading.number)-хат", "письмо \(reading.number)", "message \(reading.number)") + ": "
                    if let problem = reading.problem {
                        line += problem
                    } else if reading.changes.isEmpty {
                        line += w.pick("өзгеріс жоқ", "без изменений", "no change")
                    } else {
                        line += reading.changes.map { c in
                            w.field(c.key) + " " + (c.before ?? "—") + " → " + (c.after ?? "—")
                        }.joined(separator: "; ")
                    }
                    console.line(line)
                }
                console.line(w.pick("Жазбаны \(actor) қалдырды; шешім қабылданған жоқ, хабарлама жіберілмейді.",
                                    "Заметка от \(actor) записана; решение не принято, уведомления не отправляются.",
                                    "Note recorded by \(actor); nothing decided, no notice queued."))
                // What to do next, since reparse itself decides nothing.
                if let record = try CaseBook(intake.database).find(humanID: id), record.snapshot.state?.isFinal == false,
                   let current = try intake.currentApplication(caseID: record.id)?.record {
                    let fix = current.problems.map(\.field)
                    console.line(fix.isEmpty
                        ? w.pick("Жаңа оқылым толық: tizilim cases accept \(id)",
                                 "Новое чтение полное: tizilim cases accept \(id)",
                                 "The new reading is complete: tizilim cases accept \(id)")
                        : w.pick("Жаңа оқылымда жетіспейді: ", "В новом чтении не хватает: ", "The new reading still lacks: ")
                            + fix.joined(separator: ", ") + " (tizilim cases refine \(id) --missing …)")
                }
                return ExitCode.ok
            }
        } catch {
            console.error("tizilim cases reparse: \(error)")
            return ExitCode.software
        }
    }
}
