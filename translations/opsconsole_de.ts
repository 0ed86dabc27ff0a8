<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>EventInspection</name>
    <message>
        <source>signed by %1, key %2: verifies (%3)</source>
        <translation>signiert von %1, Schlüssel %2: gültig (%3)</translation>
    </message>
    <message>
        <source>the signature by %1 does not verify with key %2</source>
        <translation>die Signatur von %1 ist mit dem Schlüssel %2 NICHT gültig</translation>
    </message>
    <message>
        <source>no registered key for %1: %2</source>
        <translation>kein registrierter Schlüssel für %1: %2</translation>
    </message>
    <message>
        <source>a bulk-imported event: covered by its batch checkpoint, not signed on its own</source>
        <translation>ein per Massenimport aufgenommenes Ereignis: durch den Checkpoint seines Stapels gedeckt, nicht einzeln signiert</translation>
    </message>
    <message>
        <source>the inclusion proof does NOT reach the root of checkpoint %1</source>
        <translation>der Inklusionsbeweis erreicht die Wurzel von Checkpoint %1 NICHT</translation>
    </message>
    <message>
        <source>included in checkpoint %1, but that checkpoint's signature by %2 does NOT verify</source>
        <translation>in Checkpoint %1 enthalten, aber dessen Signatur von %2 ist NICHT gültig</translation>
    </message>
    <message>
        <source>included in checkpoint %1 (root %2…, signed by %3): %4 hashes, verified now</source>
        <translation>in Checkpoint %1 enthalten (Wurzel %2…, signiert von %3): %4 Hashes, soeben geprüft</translation>
    </message>
    <message>
        <source>position-free</source>
        <translation>ohne Position</translation>
    </message>
    <message>
        <source>positioned (older events)</source>
        <translation>mit Position (ältere Ereignisse)</translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Open incidents</source>
        <translation>Offene Vorfälle</translation>
    </message>
    <message>
        <source>Alerts firing, acknowledged or silenced</source>
        <translation>Ausgelöste, bestätigte oder stummgeschaltete Alarme</translation>
    </message>
    <message>
        <source>Rollback clocks running</source>
        <translation>Laufende Rollback-Uhren</translation>
    </message>
    <message>
        <source>Kill switches active</source>
        <translation>Aktive Notschalter</translation>
    </message>
    <message>
        <source>Launch checks and sign-offs pending</source>
        <translation>Offene Launch-Prüfungen und Freigaben</translation>
    </message>
    <message>
        <source>Derivations waiting for review</source>
        <translation>Ableitungen, die auf Prüfung warten</translation>
    </message>
    <message>
        <source>Changed since the last handover</source>
        <translation>Geändert seit der letzten Übergabe</translation>
    </message>
    <message>
        <source>Shift handover from %1, %2</source>
        <translation>Schichtübergabe von %1, %2</translation>
    </message>
    <message>
        <source>Shift handover from %1 to %2, %3</source>
        <translation>Schichtübergabe von %1 an %2, %3</translation>
    </message>
    <message>
        <source>Since the last handover: event %1 at %2. Store size %3. Times are UTC.</source>
        <translation>Seit der letzten Übergabe: Ereignis %1 um %2. Speichergröße %3. Zeiten in UTC.</translation>
    </message>
    <message>
        <source>No earlier handover in this store. Store size %1. Times are UTC.</source>
        <translation>Keine frühere Übergabe in diesem Speicher. Speichergröße %1. Zeiten in UTC.</translation>
    </message>
    <message>
        <source>None.</source>
        <translation>Keine.</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>next step %1 of %2</source>
        <translation>nächster Schritt %1 von %2</translation>
    </message>
    <message>
        <source>next: record the core evidence record</source>
        <translation>als Nächstes: den Kern-Nachweisdatensatz aufzeichnen</translation>
    </message>
    <message>
        <source>next: close once %1</source>
        <translation>als Nächstes: schließen, sobald %1</translation>
    </message>
    <message>
        <source>no decision yet</source>
        <translation>noch keine Entscheidung</translation>
    </message>
    <message>
        <source>last decision: %1 (%2)</source>
        <translation>letzte Entscheidung: %1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 %3 in %4, owner %5; %6; %7</source>
        <translation>%1 %2 %3 in %4, verantwortlich %5; %6; %7</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>%1 in %2: %3 clock %4, %5 left</source>
        <translation>%1 in %2: Uhr %3 %4, %5 übrig</translation>
    </message>
    <message>
        <source>%1 in %2 since %3 by %4: %5</source>
        <translation>%1 in %2 seit %3 von %4: %5</translation>
    </message>
    <message>
        <source>firing since %1</source>
        <translation>ausgelöst seit %1</translation>
    </message>
    <message>
        <source>acknowledged by %1: %2</source>
        <translation>bestätigt von %1: %2</translation>
    </message>
    <message>
        <source>silenced until %1 (%2)</source>
        <translation>stummgeschaltet bis %1 (%2)</translation>
    </message>
    <message>
        <source>%1 %2 in %3: %4</source>
        <translation>%1 %2 in %3: %4</translation>
    </message>
    <message>
        <source>silence %1 on %2 in %3 until %4: %5</source>
        <translation>Stummschaltung %1 für %2 in %3 bis %4: %5</translation>
    </message>
    <message>
        <source>%1: check %2 %3</source>
        <translation>%1: Prüfung %2 %3</translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation>veraltet: %1</translation>
    </message>
    <message>
        <source>%1: %2 sign-off %3</source>
        <translation>%1: Freigabe %2 %3</translation>
    </message>
    <message>
        <source>%1 %2, imported by %3</source>
        <translation>%1 %2, importiert von %3</translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation>%1 von %2 um %3</translation>
    </message>
    <message>
        <source>%1 events since event %2: %3</source>
        <translation>%1 Ereignisse seit Ereignis %2: %3</translation>
    </message>
    <message>
        <source>incident %1 opened (%2 %3 in %4)</source>
        <translation>Vorfall %1 eröffnet (%2 %3 in %4)</translation>
    </message>
    <message>
        <source>incident %1 closed</source>
        <translation>Vorfall %1 geschlossen</translation>
    </message>
    <message>
        <source>incident %1 severity %2 → %3: %4</source>
        <translation>Vorfall %1 Schweregrad %2 → %3: %4</translation>
    </message>
    <message>
        <source>incident %1 owner now %2</source>
        <translation>Vorfall %1 jetzt verantwortet von %2</translation>
    </message>
    <message>
        <source>incident %1 decision: %2</source>
        <translation>Vorfall %1 Entscheidung: %2</translation>
    </message>
    <message>
        <source>kill switch %1 activated in %2: %3</source>
        <translation>Notschalter %1 in %2 aktiviert: %3</translation>
    </message>
    <message>
        <source>kill switch %1 deactivated in %2: %3</source>
        <translation>Notschalter %1 in %2 deaktiviert: %3</translation>
    </message>
    <message>
        <source>alert %1 %2 fired in %3</source>
        <translation>Warnung %1 %2 in %3 ausgelöst</translation>
    </message>
    <message>
        <source>alert %1 cleared in %2</source>
        <translation>Warnung %1 in %2 aufgehoben</translation>
    </message>
    <message>
        <source>alert %1 in %2 acknowledged: %3</source>
        <translation>Warnung %1 in %2 bestätigt: %3</translation>
    </message>
    <message>
        <source>silence SIL-%1 added in %2: %3</source>
        <translation>Stummschaltung SIL-%1 in %2 gesetzt: %3</translation>
    </message>
    <message>
        <source>silence %1 ended in %2: %3</source>
        <translation>Stummschaltung %1 in %2 beendet: %3</translation>
    </message>
    <message>
        <source>rollback %1 started in %2</source>
        <translation>Rollback %1 in %2 gestartet</translation>
    </message>
    <message>
        <source>rollback %1 finished in %2</source>
        <translation>Rollback %1 in %2 abgeschlossen</translation>
    </message>
    <message>
        <source>rollback %1 missed its %2 objective</source>
        <translation>Rollback %1 hat sein %2-Ziel verfehlt</translation>
    </message>
    <message>
        <source>launch %1 signed off as %2</source>
        <translation>Start %1 freigegeben als %2</translation>
    </message>
    <message>
        <source>launch %1 decided %2</source>
        <translation>Start %1 entschieden: %2</translation>
    </message>
    <message>
        <source>derivation %1: %2</source>
        <translation>Herleitung %1: %2</translation>
    </message>
    <message>
        <source>identity %1: %2</source>
        <translation>Identität %1: %2</translation>
    </message>
</context>
<context>
    <name>IncidentReport</name>
    <message>
        <source>page %1 of %2</source>
        <translation>Seite %1 von %2</translation>
    </message>
    <message>
        <source>DRAFT — incident open</source>
        <translation>ENTWURF — Vorfall offen</translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation>ENTWURF</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>met</source>
        <translation>eingehalten</translation>
    </message>
    <message>
        <source>met late</source>
        <translation>verspätet erreicht</translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation>VERFEHLT</translation>
    </message>
    <message>
        <source>running, close to the deadline</source>
        <translation>läuft, kurz vor der Frist</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellung</translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <source>%1 within %2 min: %3 at %4, %5 after the bad publish (event %6)</source>
        <translation>%1 binnen %2 min: %3 um %4, %5 nach der fehlerhaften Veröffentlichung (Ereignis %6)</translation>
    </message>
    <message>
        <source>%1 within %2 min: %3 (deadline %4)</source>
        <translation>%1 binnen %2 min: %3 (Frist %4)</translation>
    </message>
    <message>
        <source>Postmortem: %1 — %2 in %3</source>
        <translation>Postmortem: %1 — %2 in %3</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>DRAFT — the incident is still open; this report is not final.</source>
        <translation>ENTWURF — der Vorfall ist noch offen; dieser Bericht ist nicht endgültig.</translation>
    </message>
    <message>
        <source>Generated %1 from store %2 at checkpoint %3 (tree size %4). Times are UTC.</source>
        <translation>Erstellt %1 aus dem Speicher %2 am Checkpoint %3 (Baumgröße %4). Zeiten in UTC.</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Eröffnet</translation>
    </message>
    <message>
        <source>%1 by %2 (event %3)</source>
        <translation>%1 von %2 (Ereignis %3)</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Geschlossen</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>bisher</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Auslöser</translation>
    </message>
    <message>
        <source>Closure condition</source>
        <translation>Abschlussbedingung</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Severity and its changes</source>
        <translation>Schweregrad und seine Änderungen</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitleiste</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>No decision was recorded.</source>
        <translation>Keine Entscheidung aufgezeichnet.</translation>
    </message>
    <message>
        <source>Core evidence record</source>
        <translation>Kern-Nachweisdatensatz</translation>
    </message>
    <message>
        <source>No core evidence record was recorded.</source>
        <translation>Kein Kern-Nachweisdatensatz aufgezeichnet.</translation>
    </message>
    <message>
        <source>Kill switches</source>
        <translation>Notschalter</translation>
    </message>
    <message>
        <source>No kill switch was used for this incident.</source>
        <translation>Für diesen Vorfall wurde kein Notschalter benutzt.</translation>
    </message>
    <message>
        <source>- %1 in %2: %3 since %4 by %5 — %6 (activated %7×, deactivated %8×)</source>
        <translation>- %1 in %2: %3 seit %4 von %5 — %6 (%7× aktiviert, %8× deaktiviert)</translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation>AKTIV</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>Runbook runs</source>
        <translation>Runbook-Läufe</translation>
    </message>
    <message>
        <source>No runbook was run.</source>
        <translation>Kein Runbook wurde ausgeführt.</translation>
    </message>
    <message>
        <source>Started %1 by %2; %3.</source>
        <translation>Begonnen %1 von %2; %3.</translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation>beendet %1</translation>
    </message>
    <message>
        <source>not finished</source>
        <translation>nicht beendet</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Rollback against the objective</source>
        <translation>Rollback gegen das Ziel</translation>
    </message>
    <message>
        <source>No rollback was run for this incident.</source>
        <translation>Für diesen Vorfall lief kein Rollback.</translation>
    </message>
    <message>
        <source>drill</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>Objective MISSED.</source>
        <translation>Ziel VERFEHLT.</translation>
    </message>
    <message>
        <source>Rollback not finished: objective not yet judged.</source>
        <translation>Rollback nicht beendet: Ziel noch nicht beurteilt.</translation>
    </message>
    <message>
        <source>Alerts acknowledged and silenced</source>
        <translation>Bestätigte und stummgeschaltete Alarme</translation>
    </message>
    <message>
        <source>None in %1 while the incident was open.</source>
        <translation>Keine in %1, solange der Vorfall offen war.</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nacharbeiten</translation>
    </message>
    <message>
        <source>Nothing left open by the evidence.</source>
        <translation>Laut Nachweisen ist nichts offen.</translation>
    </message>
    <message>
        <source>Appendix: checking this report offline</source>
        <translation>Anhang: diesen Bericht offline prüfen</translation>
    </message>
    <message>
        <source>The checkpoint below is a signed note (c2sp.org/tlog-checkpoint). Each cited event has a c2sp.org/tlog-proof against it; `opsconsole-cli evidence show SEQ --raw` gives the event's exact bytes, the leaf the proof is for.</source>
        <translation>Der Checkpoint unten ist eine signierte Notiz (c2sp.org/tlog-checkpoint). Jedes zitierte Ereignis hat einen c2sp.org/tlog-proof dagegen; `opsconsole-cli evidence show SEQ --raw` liefert die exakten Bytes des Ereignisses, das Blatt, für das der Beweis gilt.</translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>acknowledged %1 (%2): %3</source>
        <translation>%1 bestätigt (%2): %3</translation>
    </message>
    <message>
        <source>silenced %1 until %2: %3</source>
        <translation>%1 stummgeschaltet bis %2: %3</translation>
    </message>
    <message>
        <source>silence %1 ended: %2</source>
        <translation>Stummschaltung %1 beendet: %2</translation>
    </message>
    <message>
        <source>maintenance window %1 opened for %2</source>
        <translation>Wartungsfenster %1 geöffnet für %2</translation>
    </message>
    <message>
        <source>silence %1 expired</source>
        <translation>Stummschaltung %1 abgelaufen</translation>
    </message>
    <message>
        <source>Close the incident once its closure condition holds: %1</source>
        <translation>Den Vorfall schließen, sobald die Abschlussbedingung gilt: %1</translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation>(keine aufgezeichnet)</translation>
    </message>
    <message>
        <source>Assign an incident owner.</source>
        <translation>Eine verantwortliche Person zuweisen.</translation>
    </message>
    <message>
        <source>Record the core evidence record (scope, trigger, failure mode, containment, …).</source>
        <translation>Den Kern-Nachweisdatensatz aufzeichnen (Bereich, Auslöser, Fehlerart, Eindämmung, …).</translation>
    </message>
    <message>
        <source>Record how the closure was verified.</source>
        <translation>Aufzeichnen, wie der Abschluss geprüft wurde.</translation>
    </message>
    <message>
        <source>Finish %1 (%2): next step %3.</source>
        <translation>%1 abschließen (%2): nächster Schritt %3.</translation>
    </message>
    <message>
        <source>none pending</source>
        <translation>keiner offen</translation>
    </message>
    <message>
        <source>Explain why the %1 objective of %2 (%3 min) was missed, and what changes.</source>
        <translation>Erklären, warum das Ziel %1 von %2 (%3 min) verfehlt wurde und was sich ändert.</translation>
    </message>
    <message>
        <source>Kill switch %1 is still active in %2: validate and deactivate it.</source>
        <translation>Notschalter %1 ist in %2 noch aktiv: prüfen und deaktivieren.</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, event %4)</source>
        <translation>%1 — %2 (%3, Ereignis %4)</translation>
    </message>
    <message>
        <source>**%1** %2 — %3 (event %4)</source>
        <translation>**%1** %2 — %3 (Ereignis %4)</translation>
    </message>
    <message>
        <source>%1 (event %2)</source>
        <translation>%1 (Ereignis %2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3 (event %4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; %2 — %3 (Ereignis %4)</translation>
    </message>
    <message>
        <source>Cited events not covered by this checkpoint (newer than it), so without a proof here: %1. Generate the report again once a checkpoint covers them.</source>
        <translation>Zitierte Ereignisse, die dieser Checkpoint nicht abdeckt (neuer als er), hier also ohne Beweis: %1. Erzeugen Sie den Bericht erneut, sobald ein Checkpoint sie abdeckt.</translation>
    </message>
    <message>
        <source>Objective MET: restored within %1 minutes and integrity within %2.</source>
        <translation>Ziel EINGEHALTEN: binnen %1 Minuten wiederhergestellt, Integrität binnen %2.</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>opsconsole cannot start</source>
        <translation>opsconsole kann nicht starten</translation>
    </message>
    <message>
        <source>opsconsole refused to start.</source>
        <translation>opsconsole hat den Start verweigert.</translation>
    </message>
</context>
<context>
    <name>ops::AlertEvaluator</name>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>not evaluated yet</source>
        <translation>noch nicht ausgewertet</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>no probe results for this scope</source>
        <translation>keine Prüfergebnisse für diesen Bereich</translation>
    </message>
    <message>
        <source>cannot tell: %1</source>
        <translation>nicht entscheidbar: %1</translation>
    </message>
    <message>
        <source>probes pass</source>
        <translation>Prüfungen bestanden</translation>
    </message>
    <message>
        <source>no %1 signal recorded for this scope</source>
        <translation>kein %1-Signal für diesen Bereich aufgezeichnet</translation>
    </message>
    <message>
        <source>%1: %2 in the last %3 min (fires at %4)</source>
        <translation>%1: %2 in den letzten %3 min (löst aus bei %4)</translation>
    </message>
    <message>
        <source>no %1 in the last %2 min</source>
        <translation>kein %1 in den letzten %2 min</translation>
    </message>
    <message>
        <source>latest %1 '%2' is not a number</source>
        <translation>letztes %1 „%2“ ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 at %2 % (baseline limit %3 %)</source>
        <translation>%1 bei %2 % (Grenze der Basislinie %3 %)</translation>
    </message>
    <message>
        <source>kill-switch state not read yet</source>
        <translation>Zustand der Notschalter noch nicht gelesen</translation>
    </message>
    <message>
        <source>a kill switch is active for this scope</source>
        <translation>ein Notschalter ist für diesen Bereich aktiv</translation>
    </message>
    <message>
        <source>no kill switch active</source>
        <translation>kein Notschalter aktiv</translation>
    </message>
</context>
<context>
    <name>ops::AlertMatrixModel</name>
    <message>
        <source>silenced by %1 until %2 (%3): %4</source>
        <translation>stummgeschaltet von %1 bis %2 (%3): %4</translation>
    </message>
    <message>
        <source>SILENCED %1</source>
        <translation>STUMM %1</translation>
    </message>
    <message>
        <source>FIRING %1</source>
        <translation>AKTIV %1</translation>
    </message>
    <message>
        <source>ACK %1</source>
        <translation>BESTÄTIGT %1</translation>
    </message>
    <message>
        <source>ok (silenced)</source>
        <translation>ok (stumm)</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>unknown (silenced)</source>
        <translation>unbekannt (stumm)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 — %2
%3
First action: %4%5</source>
        <translation>%1 — %2
%3
Erste Maßnahme: %4%5</translation>
    </message>
</context>
<context>
    <name>ops::AlertMonitor</name>
    <message>
        <source>no evidence store yet: transitions are not recorded (create one with opsconsole-cli init)</source>
        <translation>noch kein Nachweisspeicher: Übergänge werden nicht aufgezeichnet (mit opsconsole-cli init anlegen)</translation>
    </message>
    <message>
        <source>the monitor tables cannot be opened: %1</source>
        <translation>die Überwachungstabellen lassen sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>the evidence store is read-only here: transitions are not recorded</source>
        <translation>der Nachweisspeicher ist hier schreibgeschützt: Übergänge werden nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>sign in to acknowledge: an acknowledgement is signed evidence</source>
        <translation>zum Bestätigen anmelden: eine Bestätigung ist signierter Nachweis</translation>
    </message>
    <message>
        <source>'%1' holds neither the operator nor the incident-owner role</source>
        <translation>„%1“ hat weder die Rolle Operator noch Incident-Owner</translation>
    </message>
    <message>
        <source>no alert '%1' for scope '%2'</source>
        <translation>kein Alarm „%1“ für den Bereich „%2“</translation>
    </message>
    <message>
        <source>only a firing alert can be acknowledged: %1 for %2 is %3</source>
        <translation>nur ein auslösender Alarm kann bestätigt werden: %1 für %2 ist %3</translation>
    </message>
    <message>
        <source>an acknowledgement needs a note</source>
        <translation>eine Bestätigung braucht eine Notiz</translation>
    </message>
    <message>
        <source>process %1 on %2 since %3</source>
        <translation>Prozess %1 auf %2 seit %3</translation>
    </message>
    <message>
        <source>monitored by %1: this console shows its evaluations and records nothing itself</source>
        <translation>überwacht von %1: diese Konsole zeigt dessen Auswertungen und zeichnet selbst nichts auf</translation>
    </message>
    <message>
        <source>not probed by the recorder yet</source>
        <translation>vom Aufzeichner noch nicht geprüft</translation>
    </message>
    <message>
        <source>the recorder's last probe is not fresh</source>
        <translation>die letzte Prüfung des Aufzeichners ist nicht aktuell</translation>
    </message>
    <message>
        <source>the store is read-only</source>
        <translation>der Speicher ist schreibgeschützt</translation>
    </message>
    <message>
        <source>no operator is signed in to sign what Alertmanager reports</source>
        <translation>niemand vom Bereitschaftsdienst ist angemeldet, um zu signieren, was Alertmanager meldet</translation>
    </message>
    <message>
        <source>sign in to silence: a silence is signed evidence</source>
        <translation>zum Stummschalten anmelden: eine Stummschaltung ist signierter Nachweis</translation>
    </message>
    <message>
        <source>sign in to end a silence: its end is signed evidence</source>
        <translation>zum Beenden einer Stummschaltung anmelden: ihr Ende ist signierter Nachweis</translation>
    </message>
    <message>
        <source>webhook notifications are off: %1</source>
        <translation>Webhook-Benachrichtigungen sind aus: %1</translation>
    </message>
    <message>
        <source>firing since %1, held during a silence</source>
        <translation>ausgelöst seit %1, während einer Stummschaltung zurückgehalten</translation>
    </message>
    <message>
        <source>firing since %1 and not acknowledged</source>
        <translation>ausgelöst seit %1 und nicht bestätigt</translation>
    </message>
    <message>
        <source>firing since %1</source>
        <translation>ausgelöst seit %1</translation>
    </message>
    <message>
        <source>process %1 (a monitor taking over)</source>
        <translation>Prozess %1 (ein Monitor übernimmt)</translation>
    </message>
    <message>
        <source>another recorder in this process</source>
        <translation>ein anderer Aufzeichner in diesem Prozess</translation>
    </message>
    <message>
        <source>%1, which did not hand over within %2 s</source>
        <translation>%1, der die Aufzeichnung nicht binnen %2 s übergeben hat</translation>
    </message>
    <message>
        <source>the recorder that stopped</source>
        <translation>den Aufzeichner, der angehalten hat</translation>
    </message>
    <message>
        <source>on the team log this console probes and shows the alert matrix its recorder evaluated (opsconsole-cli monitor or probe --record, one recorder at a time), and records nothing itself</source>
        <translation>auf dem Team-Log prüft diese Konsole, zeigt die Warnmatrix, die sein Aufzeichner ausgewertet hat (opsconsole-cli monitor oder probe --record, ein Aufzeichner zur Zeit), und zeichnet selbst nichts auf</translation>
    </message>
    <message>
        <source>the team log cannot be reached: whether its recorder records is not known here</source>
        <translation>das Team-Protokoll ist nicht erreichbar: ob sein Aufzeichner aufzeichnet, ist hier nicht bekannt</translation>
    </message>
</context>
<context>
    <name>ops::AlertRule</name>
    <message>
        <source>%1 for every scope (alert matrix)</source>
        <translation>%1 für jeden Bereich (Warnmatrix)</translation>
    </message>
    <message>
        <source>%1: %2 is a critical scope</source>
        <translation>%1: %2 ist ein kritischer Bereich</translation>
    </message>
    <message>
        <source>%1: %2 is not a critical scope</source>
        <translation>%1: %2 ist kein kritischer Bereich</translation>
    </message>
</context>
<context>
    <name>ops::AlertRuleText</name>
    <message>
        <source>Publish blocked</source>
        <translation>Veröffentlichung blockiert</translation>
    </message>
    <message>
        <source>repeated publish_blocked or verifier/publisher hard failure</source>
        <translation>wiederholtes publish_blocked oder harter Fehler von Prüfer/Veröffentlicher</translation>
    </message>
    <message>
        <source>inspect failed gate and preserve active last-known-good</source>
        <translation>fehlgeschlagene Prüfstufe untersuchen und aktiven letzten guten Stand erhalten</translation>
    </message>
    <message>
        <source>Stale pack</source>
        <translation>Veraltetes Paket</translation>
    </message>
    <message>
        <source>active manifest age exceeds threshold for supported scope</source>
        <translation>Alter des aktiven Manifests überschreitet die Schwelle eines unterstützten Bereichs</translation>
    </message>
    <message>
        <source>pause confidence claims for affected scope and investigate refresh path</source>
        <translation>Vertrauensaussagen für den betroffenen Bereich aussetzen und den Aktualisierungspfad untersuchen</translation>
    </message>
    <message>
        <source>Fallback spike</source>
        <translation>Fallback-Spitze</translation>
    </message>
    <message>
        <source>fallback or rescue path exceeds normal operational baseline</source>
        <translation>Fallback- oder Rettungspfad über dem normalen Betriebsniveau</translation>
    </message>
    <message>
        <source>halt lane graduation and inspect locality/country policy state</source>
        <translation>Hochstufung von Spuren anhalten und Richtlinienstand für Ort/Land prüfen</translation>
    </message>
    <message>
        <source>Resolver health</source>
        <translation>Resolver-Zustand</translation>
    </message>
    <message>
        <source>manifest resolution or rules API path fails probes</source>
        <translation>Manifestauflösung oder Regel-API-Pfad besteht die Prüfungen nicht</translation>
    </message>
    <message>
        <source>validate publisher read path and rebind/rollback if needed</source>
        <translation>Lesepfad des Veröffentlichers prüfen und bei Bedarf neu binden/zurückrollen</translation>
    </message>
    <message>
        <source>Workflow watchdog</source>
        <translation>Workflow-Watchdog</translation>
    </message>
    <message>
        <source>orchestrator harvest/discovery/onboarding watchdog breach</source>
        <translation>Watchdog-Verletzung bei Ernte/Erkennung/Aufnahme des Orchestrators</translation>
    </message>
    <message>
        <source>inspect active run, lock state, and downstream backlog</source>
        <translation>aktiven Lauf, Sperrzustand und nachgelagerten Rückstau prüfen</translation>
    </message>
    <message>
        <source>Kill-switch activation</source>
        <translation>Kill-Switch aktiviert</translation>
    </message>
    <message>
        <source>AI or bad-pack kill switch enabled</source>
        <translation>KI- oder Bad-Pack-Kill-Switch eingeschaltet</translation>
    </message>
    <message>
        <source>confirm containment, scope, and follow-up evidence</source>
        <translation>Eindämmung, Bereich und Folgenachweise bestätigen</translation>
    </message>
    <message>
        <source>Manual trigger dedupe spike</source>
        <translation>Manuelle Duplikat-Spitze</translation>
    </message>
    <message>
        <source>abnormal burst or operator contention pattern</source>
        <translation>ungewöhnlicher Schub oder Konkurrenz zwischen Operatoren</translation>
    </message>
    <message>
        <source>inspect duplicate ingress cause and active lock ownership</source>
        <translation>Ursache doppelter Eingänge und aktiven Sperrinhaber prüfen</translation>
    </message>
</context>
<context>
    <name>ops::Alertmanager</name>
    <message>
        <source>Alertmanager: %1 firing since %2</source>
        <translation>Alertmanager: %1 ausgelöst seit %2</translation>
    </message>
    <message>
        <source>Alertmanager: %1 resolved at %2</source>
        <translation>Alertmanager: %1 behoben um %2</translation>
    </message>
</context>
<context>
    <name>ops::CoreEvidence</name>
    <message>
        <source>Timestamp</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Trigger or alert source</source>
        <translation>Auslöser oder Warnungsquelle</translation>
    </message>
    <message>
        <source>Observed failure mode</source>
        <translation>Beobachtete Fehlerart</translation>
    </message>
    <message>
        <source>Containment action</source>
        <translation>Eindämmungsmaßnahme</translation>
    </message>
    <message>
        <source>Rollback or kill-switch action</source>
        <translation>Rollback- oder Notschalter-Maßnahme</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Prüfergebnis</translation>
    </message>
    <message>
        <source>Operator or owner</source>
        <translation>Operator oder Verantwortliche(r)</translation>
    </message>
    <message>
        <source>Follow-up requirement</source>
        <translation>Nacharbeit</translation>
    </message>
    <message>
        <source>UTC ISO-8601; empty means now</source>
        <translation>UTC ISO-8601; leer heißt jetzt</translation>
    </message>
    <message>
        <source>what was rolled back or switched off, or "none"</source>
        <translation>was zurückgerollt oder abgeschaltet wurde, oder „none“</translation>
    </message>
</context>
<context>
    <name>ops::DerivationRules</name>
    <message>
        <source>Every field of the record template, and no other</source>
        <translation>Jedes Feld der Datensatzvorlage und kein anderes</translation>
    </message>
    <message>
        <source>No field is empty</source>
        <translation>Kein Feld ist leer</translation>
    </message>
    <message>
        <source>No placeholder (TBD, TODO, ?, &lt;…&gt;): a typed INFEASIBLE over a placeholder (§2)</source>
        <translation>Kein Platzhalter (TBD, TODO, ?, &lt;…&gt;): lieber ein typisiertes INFEASIBLE als ein Platzhalter (§2)</translation>
    </message>
    <message>
        <source>The id is a plain identifier</source>
        <translation>Die ID ist ein einfacher Bezeichner</translation>
    </message>
    <message>
        <source>mlflow_run_id is "none" only with a reason in notes</source>
        <translation>mlflow_run_id ist nur mit einer Begründung in notes "none"</translation>
    </message>
    <message>
        <source>lockability is lockable, non-lockable or infeasible</source>
        <translation>lockability ist lockable, non-lockable oder infeasible</translation>
    </message>
    <message>
        <source>cost_tier is A, B, C, D or n/a</source>
        <translation>cost_tier ist A, B, C, D oder n/a</translation>
    </message>
    <message>
        <source>Tier C is never lockable (§3 Tier-C rule)</source>
        <translation>Stufe C ist nie sperrbar (§3, Stufe-C-Regel)</translation>
    </message>
    <message>
        <source>Tier D is never carried, only as an INFEASIBLE with reason cost-data (§3)</source>
        <translation>Stufe D wird nie übernommen, nur als INFEASIBLE mit Grund cost-data (§3)</translation>
    </message>
    <message>
        <source>E_econ_min and E_pred_min differ (§2)</source>
        <translation>E_econ_min und E_pred_min unterscheiden sich (§2)</translation>
    </message>
    <message>
        <source>reason is cost-data, capacity, power, mapping or null</source>
        <translation>reason ist cost-data, capacity, power, mapping oder null</translation>
    </message>
    <message>
        <source>blocked_downstream names S03 (charter lock)</source>
        <translation>blocked_downstream nennt S03 (Charta-Sperre)</translation>
    </message>
    <message>
        <source>git_sha is a 40-hex commit</source>
        <translation>git_sha ist ein Commit aus 40 Hex-Zeichen</translation>
    </message>
    <message>
        <source>Every input hash carries its algorithm (sha256:…)</source>
        <translation>Jeder Eingabe-Hash nennt seinen Algorithmus (sha256:…)</translation>
    </message>
    <message>
        <source>timestamp is UTC ISO-8601</source>
        <translation>timestamp ist UTC nach ISO 8601</translation>
    </message>
    <message>
        <source>author and reviewer are different people (§1)</source>
        <translation>author und reviewer sind verschiedene Personen (§1)</translation>
    </message>
</context>
<context>
    <name>ops::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Bestätigen…</translation>
    </message>
    <message>
        <source>%1 %2 firing for %3, not acknowledged</source>
        <translation>%1 %2 ausgelöst für %3, nicht bestätigt</translation>
    </message>
    <message>
        <source>%1 %2 firing for %3</source>
        <translation>%1 %2 ausgelöst für %3</translation>
    </message>
    <message>
        <source>First action: %1</source>
        <translation>Erste Maßnahme: %1</translation>
    </message>
</context>
<context>
    <name>ops::EventTableModel</name>
    <message>
        <source>signed by %1</source>
        <translation>signiert von %1</translation>
    </message>
    <message>
        <source>recorded by %1, covered by its batch checkpoint</source>
        <translation>aufgezeichnet von %1, gedeckt durch den Checkpoint seines Stapels</translation>
    </message>
    <message>
        <source>Event %1 · %2 · %3
%4</source>
        <translation>Ereignis %1 · %2 · %3
%4</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation>Zeit (UTC)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Payload</source>
        <translation>Nutzdaten</translation>
    </message>
    <message>
        <source>searching and filtering need the log itself; this console's copy of the team log is browsed by position</source>
        <translation>Suchen und Filtern brauchen das Log selbst; die Kopie des Team-Logs auf dieser Konsole wird nach Position durchgesehen</translation>
    </message>
</context>
<context>
    <name>ops::HttpGet</name>
    <message>
        <source>unsupported URL '%1'</source>
        <translation>nicht unterstützte URL „%1“</translation>
    </message>
    <message>
        <source>proxy %1 sent an overlong answer to CONNECT</source>
        <translation>Proxy %1 hat auf CONNECT eine überlange Antwort gesendet</translation>
    </message>
    <message>
        <source>proxy %1:%2 refused the tunnel to %3: %4</source>
        <translation>Proxy %1:%2 hat den Tunnel zu %3 verweigert: %4</translation>
    </message>
    <message>
        <source>redirect loop or more than %1 redirects</source>
        <translation>Weiterleitungsschleife oder mehr als %1 Weiterleitungen</translation>
    </message>
    <message>
        <source>redirect to an unsupported URL '%1'</source>
        <translation>Weiterleitung zu einer nicht unterstützten URL „%1“</translation>
    </message>
    <message>
        <source>redirect to a less secure URL refused</source>
        <translation>Weiterleitung zu einer weniger sicheren URL abgelehnt</translation>
    </message>
    <message>
        <source>DNS: proxy host %1 not found</source>
        <translation>DNS: Proxy-Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>DNS: host %1 not found</source>
        <translation>DNS: Host %1 nicht gefunden</translation>
    </message>
    <message>
        <source>connection refused by the proxy %1:%2</source>
        <translation>Verbindung vom Proxy %1:%2 abgelehnt</translation>
    </message>
    <message>
        <source>connection refused by %1</source>
        <translation>Verbindung von %1 abgelehnt</translation>
    </message>
    <message>
        <source>connection closed by %1 before a complete response (%2)</source>
        <translation>Verbindung von %1 vor einer vollständigen Antwort geschlossen (%2)</translation>
    </message>
    <message>
        <source>the certificate is self-signed and not trusted</source>
        <translation>das Zertifikat ist selbstsigniert und nicht vertrauenswürdig</translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation>das Zertifikat ist abgelaufen</translation>
    </message>
    <message>
        <source>the certificate is not valid yet</source>
        <translation>das Zertifikat ist noch nicht gültig</translation>
    </message>
    <message>
        <source>the certificate is not for the host %1</source>
        <translation>das Zertifikat gilt nicht für den Host %1</translation>
    </message>
    <message>
        <source>the certificate's issuer is not trusted</source>
        <translation>dem Aussteller des Zertifikats wird nicht vertraut</translation>
    </message>
    <message>
        <source>the certificate was revoked</source>
        <translation>das Zertifikat wurde widerrufen</translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation>der Server hat kein Zertifikat gesendet</translation>
    </message>
    <message>
        <source>certificate error %1</source>
        <translation>Zertifikatsfehler %1</translation>
    </message>
    <message>
        <source>TLS: the handshake failed</source>
        <translation>TLS: der Verbindungsaufbau ist fehlgeschlagen</translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation>TLS: %1</translation>
    </message>
    <message>
        <source>network error: the connection timed out</source>
        <translation>Netzwerkfehler: Zeitüberschreitung der Verbindung</translation>
    </message>
    <message>
        <source>network error: the network cannot be reached</source>
        <translation>Netzwerkfehler: das Netzwerk ist nicht erreichbar</translation>
    </message>
    <message>
        <source>network error: the proxy %1 failed</source>
        <translation>Netzwerkfehler: der Proxy %1 ist ausgefallen</translation>
    </message>
    <message>
        <source>network error %1: %2</source>
        <translation>Netzwerkfehler %1: %2</translation>
    </message>
</context>
<context>
    <name>ops::IncidentListModel</name>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>SEV</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Vorfall</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Klasse</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alter</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Zuständig</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
</context>
<context>
    <name>ops::Launch</name>
    <message>
        <source>%1 min ago</source>
        <translation>vor %1 min</translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation>vor %1 h</translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation>vor %1 Tagen</translation>
    </message>
    <message>
        <source>Run a rollback drill (Incidents › Rollback, Drill) and finish every step within %1 / %2 minutes</source>
        <translation>Eine Rollback-Übung durchführen (Vorfälle › Rollback, Übung) und jeden Schritt innerhalb von %1 / %2 Minuten abschließen</translation>
    </message>
    <message>
        <source>drill %1 on %2 met the objective %3 (%4)</source>
        <translation>Übung %1 in %2 hat das Ziel %3 erreicht (%4)</translation>
    </message>
    <message>
        <source>the last drill that met the objective, %1 on %2, finished %3; a drill older than %4 days does not prove it</source>
        <translation>die letzte Übung, die das Ziel erreicht hat (%1 in %2), endete %3; eine Übung, die älter als %4 Tage ist, belegt es nicht</translation>
    </message>
    <message>
        <source>no drill has met the objective; the latest, %1 on %2 (%3), did not</source>
        <translation>keine Übung hat das Ziel erreicht; die letzte, %1 in %2 (%3), nicht</translation>
    </message>
    <message>
        <source>no rollback drill has been finished: the %1/%2-minute objective is unproven</source>
        <translation>keine Rollback-Übung wurde abgeschlossen: das %1/%2-Minuten-Ziel ist unbelegt</translation>
    </message>
    <message>
        <source>Activate and then deactivate each kill switch on a test scope (Incidents › Kill switches), with its validation result</source>
        <translation>Jeden Notschalter in einem Testbereich aktivieren und wieder deaktivieren (Vorfälle › Notschalter), mit seinem Prüfergebnis</translation>
    </message>
    <message>
        <source>%1: undefined (no runbook %2)</source>
        <translation>%1: nicht definiert (kein Runbook %2)</translation>
    </message>
    <message>
        <source>%1: activated and deactivated on %2 (event %3)</source>
        <translation>%1: in %2 aktiviert und deaktiviert (Ereignis %3)</translation>
    </message>
    <message>
        <source>%1: activated on %2 but never deactivated</source>
        <translation>%1: in %2 aktiviert, aber nie deaktiviert</translation>
    </message>
    <message>
        <source>%1: never activated</source>
        <translation>%1: nie aktiviert</translation>
    </message>
    <message>
        <source>kill switches untested — %1</source>
        <translation>Notschalter ungetestet — %1</translation>
    </message>
    <message>
        <source>Enable the stale-pack alert in the alert rules and give every scope its freshness_hours</source>
        <translation>Den Stale-Pack-Alarm in den Alarmregeln aktivieren und jedem Bereich seine freshness_hours geben</translation>
    </message>
    <message>
        <source>the alert rules cannot be read: %1</source>
        <translation>die Alarmregeln können nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>the alert rules have no stale-pack alert</source>
        <translation>die Alarmregeln haben keinen Stale-Pack-Alarm</translation>
    </message>
    <message>
        <source>the stale-pack alert is disabled (line %1)</source>
        <translation>der Stale-Pack-Alarm ist abgeschaltet (Zeile %1)</translation>
    </message>
    <message>
        <source>scope %1 has no freshness threshold</source>
        <translation>Bereich %1 hat keine Frische-Schwelle</translation>
    </message>
    <message>
        <source>the stale-pack alert is enabled and all %1 scopes have a freshness threshold</source>
        <translation>der Stale-Pack-Alarm ist aktiv und alle %1 Bereiche haben eine Frische-Schwelle</translation>
    </message>
    <message>
        <source>Enable the publish-blocked alert in the alert rules</source>
        <translation>Den Publish-Blocked-Alarm in den Alarmregeln aktivieren</translation>
    </message>
    <message>
        <source>the alert rules have no publish-blocked alert: publish failures reach no one</source>
        <translation>die Alarmregeln haben keinen Publish-Blocked-Alarm: Veröffentlichungsfehler erreichen niemanden</translation>
    </message>
    <message>
        <source>the publish-blocked alert is disabled (line %1): publish failures reach no one</source>
        <translation>der Publish-Blocked-Alarm ist abgeschaltet (Zeile %1): Veröffentlichungsfehler erreichen niemanden</translation>
    </message>
    <message>
        <source>publish failures raise the publish-blocked alert (%1)</source>
        <translation>Veröffentlichungsfehler lösen den Publish-Blocked-Alarm aus (%1)</translation>
    </message>
    <message>
        <source>End the silence (Alerts › Silences), or wait for it to expire</source>
        <translation>Die Stummschaltung beenden (Alarme › Stummschaltungen) oder ihren Ablauf abwarten</translation>
    </message>
    <message>
        <source>the silences cannot be read: whether launch alerts are silenced is unknown</source>
        <translation>die Stummschaltungen können nicht gelesen werden: ob Launch-Alarme stummgeschaltet sind, ist unbekannt</translation>
    </message>
    <message>
        <source>%1 on %2 silenced by a maintenance window until %3 (%4: %5)</source>
        <translation>%1 in %2 durch ein Wartungsfenster stummgeschaltet bis %3 (%4: %5)</translation>
    </message>
    <message>
        <source>%1 on %2 silenced by %3 until %4 (%5: %6)</source>
        <translation>%1 in %2 von %3 stummgeschaltet bis %4 (%5: %6)</translation>
    </message>
    <message>
        <source>no stale-pack or resolver-health alert is silenced</source>
        <translation>kein Stale-Pack- oder Resolver-Health-Alarm ist stummgeschaltet</translation>
    </message>
    <message>
        <source>Probe the critical scopes (Alerts › Probe now) and fix what fails</source>
        <translation>Die kritischen Bereiche prüfen (Alarme › Jetzt prüfen) und beheben, was fehlschlägt</translation>
    </message>
    <message>
        <source>%1 never probed (unknown)</source>
        <translation>%1 nie geprüft (unbekannt)</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>%1 %2: %3 (%4)</source>
        <translation>%1 %2: %3 (%4)</translation>
    </message>
    <message>
        <source>%1 last probed %2; probe it again</source>
        <translation>%1 zuletzt geprüft %2; erneut prüfen</translation>
    </message>
    <message>
        <source>all %1 targets of the critical scopes were ok at their last probe</source>
        <translation>alle %1 Ziele der kritischen Bereiche waren bei ihrer letzten Prüfung in Ordnung</translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation>noch nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>snapshot %1… verified with %2 findings</source>
        <translation>Snapshot %1… geprüft, %2 Befunde</translation>
    </message>
    <message>
        <source>snapshot %1… verified</source>
        <translation>Snapshot %1… geprüft</translation>
    </message>
    <message>
        <source>%1 (%2 events, sha256 %3…)</source>
        <translation>%1 (%2 Ereignisse, sha256 %3…)</translation>
    </message>
    <message>
        <source>%1 files, %2 bytes archived</source>
        <translation>%1 Dateien, %2 Bytes archiviert</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bestätigt</translation>
    </message>
    <message>
        <source>no launch has been started</source>
        <translation>kein Launch wurde gestartet</translation>
    </message>
    <message>
        <source>the config, an auth key or a kill switch changed since this snapshot (%1… now %2…); verify it again</source>
        <translation>die Konfiguration, ein Auth-Schlüssel oder ein Notschalter hat sich seit diesem Snapshot geändert (%1… jetzt %2…); erneut prüfen</translation>
    </message>
    <message>
        <source>%1 not recorded yet</source>
        <translation>%1 noch nicht aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>nicht unterschrieben</translation>
    </message>
    <message>
        <source>%1 is not an identity of this store</source>
        <translation>%1 ist keine Identität dieses Speichers</translation>
    </message>
    <message>
        <source>%1 signed after being revoked</source>
        <translation>%1 hat nach dem Widerruf unterschrieben</translation>
    </message>
    <message>
        <source>%1 signed before being approved</source>
        <translation>%1 hat vor der Genehmigung unterschrieben</translation>
    </message>
    <message>
        <source>%1 does not hold the %2 role</source>
        <translation>%1 hat die Rolle %2 nicht</translation>
    </message>
    <message>
        <source>the signature does not verify with %1's key</source>
        <translation>die Signatur lässt sich mit dem Schlüssel von %1 nicht prüfen</translation>
    </message>
    <message>
        <source>signed a different launch record (%1…)</source>
        <translation>hat einen anderen Launch-Datensatz unterschrieben (%1…)</translation>
    </message>
    <message>
        <source>the checklist changed after it: %1</source>
        <translation>die Checkliste hat sich danach geändert: %1</translation>
    </message>
    <message>
        <source>%1 already signed as %2; the sign-offs need different people</source>
        <translation>%1 hat bereits als %2 unterschrieben; die Freigaben brauchen verschiedene Personen</translation>
    </message>
    <message>
        <source>drill %1 on %2 met only the objective its start stated; its clocks were not met within %3 / %4 minutes</source>
        <translation>Übung %1 in %2 hat nur das Ziel erreicht, das ihr Start angab, nicht %3 / %4 Minuten</translation>
    </message>
    <message>
        <source>%1 last probed %2 by a signed recorder; the probe %3 is not signed by an operator, incident owner or monitor and does not count: sign in as one and probe it again</source>
        <translation>%1 zuletzt signiert geprüft %2; die Prüfung %3 trägt keine Signatur eines Operators, Incident-Owners oder Monitors und zählt nicht: als solcher anmelden und erneut prüfen</translation>
    </message>
</context>
<context>
    <name>ops::ProbeEngine</name>
    <message>
        <source>timeout: no response within %1 ms</source>
        <translation>Zeitüberschreitung: keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>timeout: response not complete within %1 ms (%2 bytes received)</source>
        <translation>Zeitüberschreitung: Antwort nicht innerhalb von %1 ms vollständig (%2 Bytes empfangen)</translation>
    </message>
    <message>
        <source>body of %1 bytes is over the cap of %2 bytes</source>
        <translation>Inhalt von %1 Bytes überschreitet die Grenze von %2 Bytes</translation>
    </message>
    <message>
        <source>body is over the cap of %1 bytes</source>
        <translation>Inhalt überschreitet die Grenze von %1 Bytes</translation>
    </message>
    <message>
        <source>checksum mismatch: manifest says %1, pack is %2</source>
        <translation>Prüfsumme stimmt nicht: Manifest sagt %1, Paket ist %2</translation>
    </message>
    <message>
        <source>invalid JSON: %1 at byte %2</source>
        <translation>ungültiges JSON: %1 bei Byte %2</translation>
    </message>
    <message>
        <source>invalid JSON: not an object</source>
        <translation>ungültiges JSON: kein Objekt</translation>
    </message>
    <message>
        <source>missing field '%1'</source>
        <translation>Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>field 'published_at' is not a UTC ISO-8601 time</source>
        <translation>Feld „published_at“ ist keine UTC-Zeit nach ISO 8601</translation>
    </message>
    <message>
        <source>field 'pack_sha256' is not 64 hex digits</source>
        <translation>Feld „pack_sha256“ sind nicht 64 Hexadezimalziffern</translation>
    </message>
    <message>
        <source>manifest is %1 h old, over the %2 h threshold</source>
        <translation>Manifest ist %1 h alt, über der Schwelle von %2 h</translation>
    </message>
    <message>
        <source>slow: %1 ms, over %2 ms</source>
        <translation>langsam: %1 ms, über %2 ms</translation>
    </message>
    <message>
        <source>pack_url points to %1, not the manifest's host; allowed only when listed in probes.pack_hosts</source>
        <translation>pack_url zeigt auf %1, nicht auf den Host des Manifests; nur erlaubt, wenn in probes.pack_hosts aufgeführt</translation>
    </message>
</context>
<context>
    <name>ops::Proofs</name>
    <message>
        <source>the capture is larger than %1 MiB; only its beginning was read</source>
        <translation>der Mitschnitt ist größer als %1 MiB; nur sein Anfang wurde gelesen</translation>
    </message>
    <message>
        <source>the capture states PASS but %1 failure(s) were counted</source>
        <translation>der Mitschnitt meldet PASS, aber %1 Fehlschlag/Fehlschläge wurden gezählt</translation>
    </message>
    <message>
        <source>the capture states FAIL without a counted failure</source>
        <translation>der Mitschnitt meldet FAIL ohne einen gezählten Fehlschlag</translation>
    </message>
    <message>
        <source>the capture states PASS but no executed check was counted</source>
        <translation>der Mitschnitt meldet PASS, aber keine ausgeführte Prüfung wurde gezählt</translation>
    </message>
    <message>
        <source>%1 line(s) look like failures although no check was counted failing; read them</source>
        <translation>%1 Zeile(n) sehen nach Fehlschlägen aus, obwohl keine Prüfung als fehlgeschlagen gezählt wurde; bitte lesen</translation>
    </message>
    <message>
        <source>%1 not run and %2 skipped: not passes and not coverage</source>
        <translation>%1 nicht ausgeführt und %2 übersprungen: weder bestanden noch Abdeckung</translation>
    </message>
</context>
<context>
    <name>ops::RunbookText</name>
    <message>
        <source>AI kill switch</source>
        <translation>KI-Notschalter</translation>
    </message>
    <message>
        <source>Contain model-lane instability without breaking truthful service.</source>
        <translation>Instabilität einer Modellspur eindämmen, ohne den wahrheitsgemäßen Betrieb zu brechen.</translation>
    </message>
    <message>
        <source>malformed AI output spikes</source>
        <translation>fehlerhafte KI-Ausgaben häufen sich</translation>
    </message>
    <message>
        <source>AI invocation instability threatens workflow completion</source>
        <translation>instabile KI-Aufrufe gefährden den Abschluss von Workflows</translation>
    </message>
    <message>
        <source>fallback/rescue path becomes dominant</source>
        <translation>der Fallback-/Rettungspfad wird vorherrschend</translation>
    </message>
    <message>
        <source>newly widened lane causes publish-path regression</source>
        <translation>eine neu erweiterte Spur verursacht eine Regression im Veröffentlichungspfad</translation>
    </message>
    <message>
        <source>Freeze graduation decisions for affected scope.</source>
        <translation>Hochstufungsentscheidungen für den betroffenen Bereich einfrieren.</translation>
    </message>
    <message>
        <source>Disable or narrow the relevant AI lane (activate the AI kill switch for the scope).</source>
        <translation>Die betroffene KI-Spur abschalten oder eingrenzen (den KI-Notschalter für den Bereich aktivieren).</translation>
    </message>
    <message>
        <source>Confirm no unsupported silent degrade has been introduced.</source>
        <translation>Bestätigen, dass keine nicht unterstützte stille Verschlechterung eingeführt wurde.</translation>
    </message>
    <message>
        <source>Run targeted validation on a representative locality set.</source>
        <translation>Gezielte Validierung auf einer repräsentativen Auswahl von Orten ausführen.</translation>
    </message>
    <message>
        <source>Record reason, scope, activation time and validation result.</source>
        <translation>Grund, Bereich, Aktivierungszeit und Validierungsergebnis festhalten.</translation>
    </message>
    <message>
        <source>lane is re-enabled only after clean scheduled evidence and rollback confidence</source>
        <translation>die Spur wird erst nach sauberen planmäßigen Nachweisen und gesicherter Rollback-Fähigkeit wieder aktiviert</translation>
    </message>
    <message>
        <source>Bad-pack emergency kill switch</source>
        <translation>Notschalter für ein fehlerhaftes Paket</translation>
    </message>
    <message>
        <source>Contain a wrong active publish fast.</source>
        <translation>Eine falsche aktive Veröffentlichung schnell eindämmen.</translation>
    </message>
    <message>
        <source>active pack is wrong, unsafe, or not defensible</source>
        <translation>das aktive Paket ist falsch, unsicher oder nicht vertretbar</translation>
    </message>
    <message>
        <source>Roll back active manifest to last known good pack (start the rollback checklist).</source>
        <translation>Das aktive Manifest auf das letzte bekannt gute Paket zurücksetzen (die Rollback-Checkliste starten).</translation>
    </message>
    <message>
        <source>If needed, disable affected locality overlay and serve baseline-only where truthful.</source>
        <translation>Falls nötig, das Overlay des betroffenen Orts abschalten und nur die Baseline ausliefern, wo das wahrheitsgemäß ist.</translation>
    </message>
    <message>
        <source>Confirm pack checksum and manifest integrity.</source>
        <translation>Prüfsumme des Pakets und Integrität des Manifests bestätigen.</translation>
    </message>
    <message>
        <source>Probe manifest resolution and pack read path after containment.</source>
        <translation>Nach der Eindämmung Manifestauflösung und Lesepfad des Pakets prüfen.</translation>
    </message>
    <message>
        <source>Preserve incident evidence before attempting forward repair.</source>
        <translation>Die Nachweise des Vorfalls sichern, bevor eine Reparatur nach vorn versucht wird.</translation>
    </message>
    <message>
        <source>active user-facing truth is restored to safe state within objective</source>
        <translation>der für Nutzer sichtbare aktive Stand ist innerhalb des Ziels wieder sicher</translation>
    </message>
    <message>
        <source>Derivation pre-flight</source>
        <translation>Vorabprüfung einer Herleitung</translation>
    </message>
    <message>
        <source>Confirm, before any derivation, that it will be analysis-only on read-only inputs with its reviewer known.</source>
        <translation>Vor jeder Herleitung bestätigen, dass sie reine Analyse auf schreibgeschützten Eingaben ist und ihr Prüfer feststeht.</translation>
    </message>
    <message>
        <source>before any derivation is run</source>
        <translation>bevor eine Herleitung ausgeführt wird</translation>
    </message>
    <message>
        <source>The active Story record is open and its current owner is assigned.</source>
        <translation>Der aktive Story-Datensatz ist offen und sein aktueller Verantwortlicher zugewiesen.</translation>
    </message>
    <message>
        <source>The plan review has passed and the runbook/architecture revisions match the plan revision.</source>
        <translation>Das Plan-Review ist bestanden und die Runbook-/Architektur-Revisionen passen zur Plan-Revision.</translation>
    </message>
    <message>
        <source>The working-tree commit SHA is known and will be recorded.</source>
        <translation>Der Commit-SHA des Arbeitsbaums ist bekannt und wird festgehalten.</translation>
    </message>
    <message>
        <source>Inputs are existing and read-only (OHLCV cache, ATR-H4 labels, trade/cost logs; exploratory results as context only).</source>
        <translation>Die Eingaben existieren und sind schreibgeschützt (OHLCV-Cache, ATR-H4-Labels, Trade-/Kosten-Logs; explorative Ergebnisse nur als Kontext).</translation>
    </message>
    <message>
        <source>No Airflow DAG, training job, cluster launcher, Phase-2 predictive run, model comparison or threshold selection will be invoked.</source>
        <translation>Es wird kein Airflow-DAG, kein Trainingsjob, kein Cluster-Launcher, kein prädiktiver Phase-2-Lauf, kein Modellvergleich und keine Schwellenwertwahl gestartet.</translation>
    </message>
    <message>
        <source>The output artifact directory and naming convention are known.</source>
        <translation>Ausgabeverzeichnis der Artefakte und Namenskonvention sind bekannt.</translation>
    </message>
    <message>
        <source>The reviewer is identified; cost/capacity derivations have the risk-owner review path identified.</source>
        <translation>Der Prüfer steht fest; für Kosten-/Kapazitätsherleitungen ist der Prüfweg über den Risikoverantwortlichen festgelegt.</translation>
    </message>
    <message>
        <source>The calibration-choice rationale is recorded before looking at outcomes, and the reproducibility tolerance is pre-declared.</source>
        <translation>Die Begründung der Kalibrierungswahl ist festgehalten, bevor Ergebnisse angesehen werden, und die Reproduzierbarkeitstoleranz ist vorab erklärt.</translation>
    </message>
    <message>
        <source>every pre-flight item confirmed before the first derivation runs</source>
        <translation>jeder Punkt der Vorabprüfung ist bestätigt, bevor die erste Herleitung läuft</translation>
    </message>
    <message>
        <source>Evidence regeneration before release</source>
        <translation>Nachweise vor dem Release neu erzeugen</translation>
    </message>
    <message>
        <source>Regenerate the proof artifacts, read them without over-claiming coverage, and build the docs strictly.</source>
        <translation>Die Nachweisartefakte neu erzeugen, sie lesen, ohne mehr Abdeckung zu behaupten als belegt, und die Dokumentation streng bauen.</translation>
    </message>
    <message>
        <source>before a release, to refresh the generated test outputs</source>
        <translation>vor einem Release, um die erzeugten Testausgaben zu erneuern</translation>
    </message>
    <message>
        <source>Regenerate evidence artifacts: GOCACHE=/tmp/go-build FI_TARGET= make docs-gen</source>
        <translation>Nachweisartefakte neu erzeugen: GOCACHE=/tmp/go-build FI_TARGET= make docs-gen</translation>
    </message>
    <message>
        <source>Inspect the proof-oriented outputs (demo-output.txt, fi-traceability-output.txt) and summarise them — PASS, FAIL, NOT RUN, SKIP — without counting NOT RUN or SKIP as coverage.</source>
        <translation>Die nachweisbezogenen Ausgaben (demo-output.txt, fi-traceability-output.txt) prüfen und zusammenfassen — PASS, FAIL, NOT RUN, SKIP —, ohne NOT RUN oder SKIP als Abdeckung zu zählen.</translation>
    </message>
    <message>
        <source>Build docs strictly before release: GOCACHE=/tmp/go-build FI_TARGET= make docs</source>
        <translation>Die Dokumentation vor dem Release streng bauen: GOCACHE=/tmp/go-build FI_TARGET= make docs</translation>
    </message>
    <message>
        <source>Confirm docs/_generated/tbd-report.md remains empty of unresolved items.</source>
        <translation>Bestätigen, dass docs/_generated/tbd-report.md keine offenen Punkte enthält.</translation>
    </message>
    <message>
        <source>make docs-gen and make docs exit 0 and the TBD report is empty</source>
        <translation>make docs-gen und make docs enden mit 0 und der TBD-Bericht ist leer</translation>
    </message>
    <message>
        <source>Failure recovery — orchestrator</source>
        <translation>Wiederherstellung — Orchestrator</translation>
    </message>
    <message>
        <source>Bring the orchestrator back to ready.</source>
        <translation>Den Orchestrator wieder betriebsbereit machen.</translation>
    </message>
    <message>
        <source>orchestrator /readyz fails</source>
        <translation>/readyz des Orchestrators schlägt fehl</translation>
    </message>
    <message>
        <source>a workflow watchdog breach points at the orchestrator</source>
        <translation>ein Verstoß des Workflow-Watchdogs weist auf den Orchestrator</translation>
    </message>
    <message>
        <source>Confirm FORGE_ENV and required secrets are set (non-dev) — presence only, never values.</source>
        <translation>Bestätigen, dass FORGE_ENV und die nötigen Geheimnisse gesetzt sind (außer dev) — nur ihr Vorhandensein, nie die Werte.</translation>
    </message>
    <message>
        <source>Check OPA connectivity and policy hash logs; validate OPA_POLICY_HASH if set.</source>
        <translation>OPA-Verbindung und Policy-Hash-Logs prüfen; OPA_POLICY_HASH validieren, falls gesetzt.</translation>
    </message>
    <message>
        <source>Restart NATS subscriber if disconnected.</source>
        <translation>Den NATS-Subscriber neu starten, falls er getrennt ist.</translation>
    </message>
    <message>
        <source>Retry /readyz.</source>
        <translation>/readyz erneut abfragen.</translation>
    </message>
    <message>
        <source>orchestrator /readyz is ok and the watchdog is quiet</source>
        <translation>/readyz des Orchestrators ist ok und der Watchdog ruhig</translation>
    </message>
    <message>
        <source>Failure recovery — scoreboard</source>
        <translation>Wiederherstellung — Scoreboard</translation>
    </message>
    <message>
        <source>Bring the scoreboard back to ready and reprocess what failed meanwhile.</source>
        <translation>Das Scoreboard wieder betriebsbereit machen und nachverarbeiten, was zwischenzeitlich fehlschlug.</translation>
    </message>
    <message>
        <source>scoreboard /readyz fails</source>
        <translation>/readyz des Scoreboards schlägt fehl</translation>
    </message>
    <message>
        <source>Validate signing key readiness and storage access.</source>
        <translation>Bereitschaft des Signaturschlüssels und Speicherzugriff prüfen.</translation>
    </message>
    <message>
        <source>Re-run /readyz.</source>
        <translation>/readyz erneut ausführen.</translation>
    </message>
    <message>
        <source>Reprocess any failed scenario completion events.</source>
        <translation>Fehlgeschlagene Abschlussereignisse von Szenarien erneut verarbeiten.</translation>
    </message>
    <message>
        <source>scoreboard /readyz is ok and no scenario completion is left failed</source>
        <translation>/readyz des Scoreboards ist ok und kein Szenarioabschluss bleibt fehlgeschlagen</translation>
    </message>
    <message>
        <source>Failure recovery — spawn_service</source>
        <translation>Wiederherstellung — spawn_service</translation>
    </message>
    <message>
        <source>Bring spawn_service back to ready.</source>
        <translation>spawn_service wieder betriebsbereit machen.</translation>
    </message>
    <message>
        <source>spawn_service /readyz fails</source>
        <translation>/readyz von spawn_service schlägt fehl</translation>
    </message>
    <message>
        <source>Check SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET for mismatches.</source>
        <translation>SAT_HMAC_SECRET, ET_HMAC_SECRET und RECEIPT_HMAC_SECRET auf Abweichungen prüfen.</translation>
    </message>
    <message>
        <source>Validate entitlement sources (receipt/store) and retry /readyz.</source>
        <translation>Berechtigungsquellen (Receipt/Store) prüfen und /readyz erneut abfragen.</translation>
    </message>
    <message>
        <source>spawn_service /readyz is ok</source>
        <translation>/readyz von spawn_service ist ok</translation>
    </message>
    <message>
        <source>Fallback-path spike</source>
        <translation>Spitze im Fallback-Pfad</translation>
    </message>
    <message>
        <source>Stop treating a scope as mature while its fallback or rescue path usage is materially above baseline.</source>
        <translation>Einen Bereich nicht mehr als ausgereift behandeln, solange sein Fallback- oder Rettungspfad deutlich über der Baseline genutzt wird.</translation>
    </message>
    <message>
        <source>fallback or rescue path rate rises materially</source>
        <translation>die Rate des Fallback- oder Rettungspfads steigt deutlich</translation>
    </message>
    <message>
        <source>Confirm whether spike is locality-specific, country-lane specific, or model-wide.</source>
        <translation>Klären, ob die Spitze einen Ort, eine Länderspur oder das ganze Modell betrifft.</translation>
    </message>
    <message>
        <source>Check runtime policy state — sorter_mode, risk_state, allowed_error_codes, country-lane graduation counters.</source>
        <translation>Laufzeit-Richtlinien prüfen — sorter_mode, risk_state, allowed_error_codes, Hochstufungszähler der Länderspuren.</translation>
    </message>
    <message>
        <source>Stop treating affected scope as mature.</source>
        <translation>Den betroffenen Bereich nicht mehr als ausgereift behandeln.</translation>
    </message>
    <message>
        <source>If AI instability is involved, narrow scope or activate AI kill switch.</source>
        <translation>Ist KI-Instabilität beteiligt, den Bereich eingrenzen oder den KI-Notschalter aktivieren.</translation>
    </message>
    <message>
        <source>If source quality drift is involved, treat as source-quality incident, not model win.</source>
        <translation>Ist nachlassende Quellqualität beteiligt, als Vorfall der Quellqualität behandeln, nicht als Erfolg des Modells.</translation>
    </message>
    <message>
        <source>Preserve evidence for lane-governance review.</source>
        <translation>Nachweise für die Prüfung der Spurverwaltung sichern.</translation>
    </message>
    <message>
        <source>scheduled clean primary success returns to normal thresholds</source>
        <translation>planmäßiger sauberer Erfolg des Primärpfads kehrt auf normale Schwellen zurück</translation>
    </message>
    <message>
        <source>Launch-day validation</source>
        <translation>Validierung am Launch-Tag</translation>
    </message>
    <message>
        <source>Launch day is not complete until every check below has passed with evidence.</source>
        <translation>Der Launch-Tag ist erst abgeschlossen, wenn jede Prüfung unten mit Nachweis bestanden ist.</translation>
    </message>
    <message>
        <source>the release owner validates a production launch</source>
        <translation>der Release-Verantwortliche validiert einen Produktions-Launch</translation>
    </message>
    <message>
        <source>Verify production config snapshot — API endpoints, auth keys present, environment flags, kill-switch defaults.</source>
        <translation>Snapshot der Produktionskonfiguration prüfen — API-Endpunkte, vorhandene Auth-Schlüssel, Umgebungs-Flags, Standardwerte der Notschalter.</translation>
    </message>
    <message>
        <source>Archive the final release build checksums.</source>
        <translation>Die Prüfsummen des finalen Release-Builds archivieren.</translation>
    </message>
    <message>
        <source>Trigger or observe the first production publish and validate it.</source>
        <translation>Die erste Produktionsveröffentlichung auslösen oder beobachten und validieren.</translation>
    </message>
    <message>
        <source>Probe the active manifest, active pack, resolver endpoint and rules endpoint where applicable.</source>
        <translation>Aktives Manifest, aktives Paket, Resolver-Endpunkt und, wo zutreffend, Regel-Endpunkt prüfen.</translation>
    </message>
    <message>
        <source>Verify the live app fetch on the target build resolves manifest and pack correctly.</source>
        <translation>Prüfen, dass der Live-Abruf der App auf dem Ziel-Build Manifest und Paket korrekt auflöst.</translation>
    </message>
    <message>
        <source>Archive evidence.</source>
        <translation>Nachweise archivieren.</translation>
    </message>
    <message>
        <source>Sign-off by product.</source>
        <translation>Freigabe durch Produkt.</translation>
    </message>
    <message>
        <source>Sign-off by engineering.</source>
        <translation>Freigabe durch Engineering.</translation>
    </message>
    <message>
        <source>Sign-off by QA.</source>
        <translation>Freigabe durch QA.</translation>
    </message>
    <message>
        <source>every check passed and product, engineering and QA have signed</source>
        <translation>jede Prüfung ist bestanden, und Produkt, Engineering und QA haben unterschrieben</translation>
    </message>
    <message>
        <source>Publish failure</source>
        <translation>Veröffentlichungsfehler</translation>
    </message>
    <message>
        <source>Keep the last known good active while a candidate pack cannot be published, without weakening any gate.</source>
        <translation>Den letzten bekannt guten Stand aktiv halten, solange ein Kandidatenpaket nicht veröffentlicht werden kann, ohne eine Schranke abzuschwächen.</translation>
    </message>
    <message>
        <source>verifier or publisher blocks promotion</source>
        <translation>Verifier oder Publisher blockiert die Hochstufung</translation>
    </message>
    <message>
        <source>Identify failing stage — verifier gate, attestation, R2 write, manifest promotion, or canary readback.</source>
        <translation>Die fehlschlagende Stufe bestimmen — Verifier-Schranke, Attestierung, R2-Schreibvorgang, Manifest-Hochstufung oder Canary-Rücklesen.</translation>
    </message>
    <message>
        <source>Confirm active manifest still points to valid last known good.</source>
        <translation>Bestätigen, dass das aktive Manifest noch auf den gültigen letzten bekannt guten Stand zeigt.</translation>
    </message>
    <message>
        <source>Do not bypass publish gates.</source>
        <translation>Die Veröffentlichungsschranken nicht umgehen.</translation>
    </message>
    <message>
        <source>If failure is isolated and active truth remains safe, leave active manifest unchanged and investigate cause.</source>
        <translation>Ist der Fehler isoliert und der aktive Stand weiter sicher, das aktive Manifest unverändert lassen und die Ursache untersuchen.</translation>
    </message>
    <message>
        <source>If repeated failures suggest unstable lane behavior, pause graduation for affected scope and consider AI kill switch or scope narrowing.</source>
        <translation>Deuten wiederholte Fehler auf instabiles Verhalten einer Spur, die Hochstufung für den betroffenen Bereich pausieren und den KI-Notschalter oder ein Eingrenzen des Bereichs erwägen.</translation>
    </message>
    <message>
        <source>Capture audit evidence and operator notes.</source>
        <translation>Audit-Nachweise und Notizen des Operators festhalten.</translation>
    </message>
    <message>
        <source>publish path passes again without weakening gates</source>
        <translation>der Veröffentlichungspfad läuft wieder durch, ohne Schranken abzuschwächen</translation>
    </message>
    <message>
        <source>Rollback checklist</source>
        <translation>Rollback-Checkliste</translation>
    </message>
    <message>
        <source>Restore a safe active manifest state within the rollback objective and prove it with evidence.</source>
        <translation>Einen sicheren aktiven Manifest-Stand innerhalb des Rollback-Ziels wiederherstellen und mit Nachweisen belegen.</translation>
    </message>
    <message>
        <source>a bad publish is confirmed (the clocks start here)</source>
        <translation>eine fehlerhafte Veröffentlichung ist bestätigt (hier starten die Uhren)</translation>
    </message>
    <message>
        <source>a rollback drill proves the objective</source>
        <translation>eine Rollback-Übung weist das Ziel nach</translation>
    </message>
    <message>
        <source>Identify affected locality or baseline scope.</source>
        <translation>Den betroffenen Ort oder Baseline-Bereich bestimmen.</translation>
    </message>
    <message>
        <source>Confirm current active manifest and last known good target.</source>
        <translation>Aktuelles aktives Manifest und letztes bekannt gutes Ziel bestätigen.</translation>
    </message>
    <message>
        <source>Rebind or restore active manifest to last known good.</source>
        <translation>Das aktive Manifest an den letzten bekannt guten Stand binden oder ihn wiederherstellen.</translation>
    </message>
    <message>
        <source>Confirm manifest checksum and pack checksum alignment.</source>
        <translation>Übereinstimmung von Manifest- und Paketprüfsumme bestätigen.</translation>
    </message>
    <message>
        <source>Probe resolver and rules API for affected scope.</source>
        <translation>Resolver und Regel-API für den betroffenen Bereich prüfen.</translation>
    </message>
    <message>
        <source>Capture timestamps and outcome against rollback objective.</source>
        <translation>Zeitstempel und Ergebnis gegen das Rollback-Ziel festhalten.</translation>
    </message>
    <message>
        <source>safe manifest restored within 15 minutes, integrity confirmed within 30, and the record complete</source>
        <translation>sicheres Manifest binnen 15 Minuten wiederhergestellt, Integrität binnen 30 bestätigt und der Bericht vollständig</translation>
    </message>
    <message>
        <source>S03 handoff package</source>
        <translation>S03-Übergabepaket</translation>
    </message>
    <message>
        <source>Assemble the signed handoff package so S03 can lock what is lockable and sees what blocks it.</source>
        <translation>Das signierte Übergabepaket zusammenstellen, damit S03 festschreiben kann, was festschreibbar ist, und sieht, was es blockiert.</translation>
    </message>
    <message>
        <source>the derivations are reviewed and the package goes to S03</source>
        <translation>die Herleitungen sind geprüft und das Paket geht an S03</translation>
    </message>
    <message>
        <source>Unlocked charter values are listed.</source>
        <translation>Nicht festgeschriebene Charter-Werte sind aufgeführt.</translation>
    </message>
    <message>
        <source>A signed derivation record exists for each value.</source>
        <translation>Für jeden Wert existiert ein signierter Herleitungsdatensatz.</translation>
    </message>
    <message>
        <source>Cost tier and lockability status are given for every cost-derived value.</source>
        <translation>Für jeden aus Kosten hergeleiteten Wert sind Kostenstufe und Festschreibbarkeit angegeben.</translation>
    </message>
    <message>
        <source>Typed INFEASIBLE records are included, if any.</source>
        <translation>Typisierte INFEASIBLE-Datensätze sind enthalten, falls es welche gibt.</translation>
    </message>
    <message>
        <source>Unresolved threats to validity are listed.</source>
        <translation>Ungeklärte Gefährdungen der Validität sind aufgeführt.</translation>
    </message>
    <message>
        <source>Reviewer status is given for each derivation.</source>
        <translation>Für jede Herleitung ist der Prüfstatus angegeben.</translation>
    </message>
    <message>
        <source>A risk-owner note exists for cost/capacity items.</source>
        <translation>Für Kosten-/Kapazitätspunkte existiert eine Notiz des Risikoverantwortlichen.</translation>
    </message>
    <message>
        <source>Confirmation that no forbidden run, launcher, training, model selection or threshold selection occurred.</source>
        <translation>Bestätigung, dass kein verbotener Lauf, kein Launcher, kein Training, keine Modellauswahl und keine Schwellenwertwahl stattfand.</translation>
    </message>
    <message>
        <source>Values eligible for S03 lock (Tier A/B) are listed apart from values blocking S03 (Tier C / INFEASIBLE).</source>
        <translation>Für die S03-Festschreibung geeignete Werte (Tier A/B) sind getrennt von Werten aufgeführt, die S03 blockieren (Tier C / INFEASIBLE).</translation>
    </message>
    <message>
        <source>the package is complete and signed; analyst, locker and launcher are different identities</source>
        <translation>das Paket ist vollständig und signiert; Analyst, Festschreibender und Launcher sind verschiedene Identitäten</translation>
    </message>
    <message>
        <source>Secret rotation and rollout order</source>
        <translation>Rotation von Geheimnissen und Reihenfolge des Ausrollens</translation>
    </message>
    <message>
        <source>Rotate the shared HMAC secrets and the operator token without a window in which a service rejects what another mints.</source>
        <translation>Die gemeinsamen HMAC-Geheimnisse und das Operator-Token rotieren, ohne ein Zeitfenster, in dem ein Dienst ablehnt, was ein anderer ausstellt.</translation>
    </message>
    <message>
        <source>a secret is due for rotation or may have leaked</source>
        <translation>ein Geheimnis ist zur Rotation fällig oder könnte offengelegt sein</translation>
    </message>
    <message>
        <source>Pre-stage new secrets in the secret manager (KMS/Vault/etc.).</source>
        <translation>Neue Geheimnisse vorab im Secret-Manager hinterlegen (KMS/Vault usw.).</translation>
    </message>
    <message>
        <source>Update spawn_service first (mints ET/SAT/receipts) — roll out SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET.</source>
        <translation>Zuerst spawn_service aktualisieren (stellt ET/SAT/Receipts aus) — SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET ausrollen.</translation>
    </message>
    <message>
        <source>Update orchestrator second (verifies SATs and OPA) — roll out SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET, OPERATOR_TOKEN.</source>
        <translation>Als Zweites den Orchestrator aktualisieren (prüft SATs und OPA) — SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET, OPERATOR_TOKEN ausrollen.</translation>
    </message>
    <message>
        <source>Update scoreboard last (verifies operator auth) — roll out OPERATOR_TOKEN along with the shared HMAC secrets.</source>
        <translation>Zuletzt das Scoreboard aktualisieren (prüft die Operator-Authentifizierung) — OPERATOR_TOKEN zusammen mit den gemeinsamen HMAC-Geheimnissen ausrollen.</translation>
    </message>
    <message>
        <source>Verify with /readyz checks across services and run an end-to-end scenario.</source>
        <translation>Mit /readyz-Prüfungen über alle Dienste verifizieren und ein End-to-End-Szenario ausführen.</translation>
    </message>
    <message>
        <source>every service ready on the new secrets and an end-to-end scenario passed</source>
        <translation>jeder Dienst ist mit den neuen Geheimnissen bereit und ein End-to-End-Szenario bestanden</translation>
    </message>
    <message>
        <source>Source outage</source>
        <translation>Ausfall einer Quelle</translation>
    </message>
    <message>
        <source>Keep truthful service while an official upstream source is unavailable, malformed, blocked or stale.</source>
        <translation>Wahrheitsgemäßen Betrieb halten, solange eine offizielle Upstream-Quelle nicht verfügbar, fehlerhaft, blockiert oder veraltet ist.</translation>
    </message>
    <message>
        <source>official source becomes unavailable, blocked, empty, malformed, or stale</source>
        <translation>eine offizielle Quelle wird unerreichbar, blockiert, leer, fehlerhaft oder veraltet</translation>
    </message>
    <message>
        <source>Confirm affected locality or country scope.</source>
        <translation>Den betroffenen Ort oder Länderbereich bestätigen.</translation>
    </message>
    <message>
        <source>Check whether last known good remains active.</source>
        <translation>Prüfen, ob der letzte bekannt gute Stand aktiv bleibt.</translation>
    </message>
    <message>
        <source>Confirm whether the issue is an upstream outage, source format drift, admission/probeability drift, or a temporary rate-limit or anti-bot posture.</source>
        <translation>Klären, ob es ein Upstream-Ausfall, ein geändertes Quellformat, eine geänderte Zulassung/Prüfbarkeit oder ein vorübergehendes Rate-Limit bzw. eine Anti-Bot-Sperre ist.</translation>
    </message>
    <message>
        <source>If active truth is still safe, keep last known good active and do not force publish.</source>
        <translation>Ist der aktive Stand noch sicher, den letzten bekannt guten Stand aktiv lassen und keine Veröffentlichung erzwingen.</translation>
    </message>
    <message>
        <source>If the supported-scope freshness promise is now at risk, mark incident severity and suspend maturity or expansion decisions for that scope.</source>
        <translation>Ist das Aktualitätsversprechen des unterstützten Bereichs jetzt gefährdet, den Schweregrad des Vorfalls setzen und Reife- oder Erweiterungsentscheidungen für diesen Bereich aussetzen.</translation>
    </message>
    <message>
        <source>Record evidence and next review time.</source>
        <translation>Nachweise und den nächsten Prüfzeitpunkt festhalten.</translation>
    </message>
    <message>
        <source>upstream source recovers or scope is explicitly downgraded truthfully</source>
        <translation>die Upstream-Quelle erholt sich, oder der Bereich wird ausdrücklich und wahrheitsgemäß herabgestuft</translation>
    </message>
    <message>
        <source>Stale-pack breach</source>
        <translation>Veraltetes Paket</translation>
    </message>
    <message>
        <source>Treat a scope whose active manifest is older than its freshness threshold as degraded until a fresh publish brings it back.</source>
        <translation>Einen Bereich, dessen aktives Manifest älter als seine Aktualitätsschwelle ist, als beeinträchtigt behandeln, bis eine neue Veröffentlichung ihn zurückbringt.</translation>
    </message>
    <message>
        <source>active manifest age or source freshness exceeds declared threshold</source>
        <translation>Alter des aktiven Manifests oder Aktualität der Quelle überschreitet die erklärte Schwelle</translation>
    </message>
    <message>
        <source>Confirm affected scope and threshold breached.</source>
        <translation>Betroffenen Bereich und überschrittene Schwelle bestätigen.</translation>
    </message>
    <message>
        <source>Check whether refresh is blocked, delayed, or silently not due.</source>
        <translation>Prüfen, ob die Aktualisierung blockiert, verzögert oder stillschweigend nicht fällig ist.</translation>
    </message>
    <message>
        <source>Determine whether the stale state is localized, country-wide, or pipeline-wide.</source>
        <translation>Bestimmen, ob der veraltete Zustand örtlich, landesweit oder pipelineweit ist.</translation>
    </message>
    <message>
        <source>If the freshness claim is no longer defensible, treat scope as degraded operationally and stop any expansion or graduation decisions relying on that scope.</source>
        <translation>Ist die Aktualitätsaussage nicht mehr vertretbar, den Bereich betrieblich als beeinträchtigt behandeln und alle Erweiterungs- oder Hochstufungsentscheidungen stoppen, die auf ihm beruhen.</translation>
    </message>
    <message>
        <source>Restore refresh path or adjust public truth claims before closure.</source>
        <translation>Vor dem Abschluss den Aktualisierungspfad wiederherstellen oder die öffentlichen Aussagen anpassen.</translation>
    </message>
    <message>
        <source>fresh publish succeeds and active scope returns within threshold</source>
        <translation>eine neue Veröffentlichung gelingt, und der aktive Bereich liegt wieder innerhalb der Schwelle</translation>
    </message>
</context>
<context>
    <name>ops::SeverityModel</name>
    <message>
        <source>SEV-1: active published truth is wrong for users</source>
        <translation>SEV-1: der aktive veröffentlichte Stand ist für Nutzer falsch</translation>
    </message>
    <message>
        <source>SEV-3: %1 is not a critical scope and there is no wrong active truth yet</source>
        <translation>SEV-3: %1 ist kein kritischer Bereich, und noch ist kein aktiver Stand falsch</translation>
    </message>
    <message>
        <source>SEV-2: stale-pack threshold breached for critical scope %1</source>
        <translation>SEV-2: Schwelle für veraltete Pakete im kritischen Bereich %1 überschritten</translation>
    </message>
    <message>
        <source>SEV-2: fallback/rescue path spikes materially</source>
        <translation>SEV-2: der Fallback-/Rettungspfad steigt deutlich an</translation>
    </message>
    <message>
        <source>SEV-2: refresh pipeline degraded for critical scope %1</source>
        <translation>SEV-2: Aktualisierungspipeline im kritischen Bereich %1 beeinträchtigt</translation>
    </message>
</context>
<context>
    <name>ops::SilenceListModel</name>
    <message>
        <source>Maintenance window of the config (line %1), every occurrence silences %2 on %3</source>
        <translation>Wartungsfenster der Konfiguration (Zeile %1), jedes Auftreten schaltet %2 auf %3 stumm</translation>
    </message>
    <message>
        <source>Silenced by %1 (event %2)</source>
        <translation>Stummgeschaltet von %1 (Ereignis %2)</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktiv</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation>anstehend</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <source>%1 (ended %2)</source>
        <translation>%1 (beendet %2)</translation>
    </message>
    <message>
        <source>maintenance window</source>
        <translation>Wartungsfenster</translation>
    </message>
    <message>
        <source>%1, ended by %2</source>
        <translation>%1, beendet von %2</translation>
    </message>
    <message>
        <source>%1 — ended: %2</source>
        <translation>%1 — beendet: %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stummschaltung</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>ops::StoreHost</name>
    <message>
        <source>no evidence store yet: nothing is recorded (create one with opsconsole-cli init)</source>
        <translation>noch kein Nachweisspeicher: nichts wird aufgezeichnet (mit opsconsole-cli init anlegen)</translation>
    </message>
    <message>
        <source>the evidence store cannot be opened: %1</source>
        <translation>der Nachweisspeicher lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>the evidence store is read-only here: %1</source>
        <translation>der Nachweisspeicher ist hier schreibgeschützt: %1</translation>
    </message>
    <message>
        <source>opened read-only</source>
        <translation>schreibgeschützt geöffnet</translation>
    </message>
    <message>
        <source>local file</source>
        <translation>lokale Datei</translation>
    </message>
    <message>
        <source>team log %1</source>
        <translation>Team-Log %1</translation>
    </message>
    <message>
        <source>the team log cannot be reached: %1</source>
        <translation>das Team-Log ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>the team log's notifications do not arrive: %1</source>
        <translation>die Benachrichtigungen des Team-Logs kommen nicht an: %1</translation>
    </message>
    <message>
        <source>the connection to the team log is lost; retrying</source>
        <translation>die Verbindung zum Team-Log ist verloren; neuer Versuch läuft</translation>
    </message>
    <message>
        <source>the connection to the team log is lost (%1); retrying</source>
        <translation>die Verbindung zum Team-Log ist verloren (%1); neuer Versuch läuft</translation>
    </message>
    <message>
        <source>%1 (offline: this console's copy)</source>
        <translation>%1 (offline: Kopie dieser Konsole)</translation>
    </message>
    <message>
        <source>%1; working offline is not possible: %2</source>
        <translation>%1; offline arbeiten ist nicht möglich: %2</translation>
    </message>
    <message>
        <source>%1 — working from this console's verified copy of the team log (up to event %2); acts wait in the outbox</source>
        <translation>%1 — die Konsole arbeitet mit ihrer geprüften Kopie des Team-Logs (bis Ereignis %2); Handlungen warten im Postausgang</translation>
    </message>
    <message>
        <source>the team log cannot be reached</source>
        <translation>das Team-Log ist nicht erreichbar</translation>
    </message>
</context>
<context>
    <name>ops::TeamRecorder</name>
    <message>
        <source>webhook notifications are off: %1</source>
        <translation>Webhook-Benachrichtigungen sind aus: %1</translation>
    </message>
    <message>
        <source>another console is recording observations on this team log right now; one recorder at a time, so no transition is recorded twice</source>
        <translation>eine andere Konsole zeichnet gerade Beobachtungen auf diesem Team-Log auf; nur ein Aufzeichner zur Zeit, damit kein Übergang doppelt aufgezeichnet wird</translation>
    </message>
    <message>
        <source>the team log cannot be reached: %1</source>
        <translation>das Team-Log ist nicht erreichbar: %1</translation>
    </message>
    <message>
        <source>a missed rollback deadline could not be recorded: %1</source>
        <translation>eine verpasste Rollback-Frist ließ sich nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>a notification attempt could not be recorded: %1</source>
        <translation>ein Benachrichtigungsversuch ließ sich nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>a notification attempt was not recorded: this recorder does not hold the team log's recorder lock now</source>
        <translation>ein Benachrichtigungsversuch wurde nicht aufgezeichnet: dieser Aufzeichner hält die Aufzeichnersperre des Team-Logs gerade nicht</translation>
    </message>
</context>
<context>
    <name>ops::Timeline</name>
    <message>
        <source>%1 step %2 done: %3</source>
        <translation>%1 Schritt %2 erledigt: %3</translation>
    </message>
    <message>
        <source>%1 step %2 done</source>
        <translation>%1 Schritt %2 erledigt</translation>
    </message>
    <message>
        <source>%1 step %2 failed: %3</source>
        <translation>%1 Schritt %2 fehlgeschlagen: %3</translation>
    </message>
    <message>
        <source>%1 step %2 failed</source>
        <translation>%1 Schritt %2 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 step %2 skipped: %3</source>
        <translation>%1 Schritt %2 übersprungen: %3</translation>
    </message>
    <message>
        <source>%1 step %2 skipped</source>
        <translation>%1 Schritt %2 übersprungen</translation>
    </message>
    <message>
        <source>%1 step %2 %4: %3</source>
        <translation>%1 Schritt %2 %4: %3</translation>
    </message>
    <message>
        <source>%1 step %2 %4</source>
        <translation>%1 Schritt %2 %4</translation>
    </message>
    <message>
        <source>%1 finished: objective met</source>
        <translation>%1 beendet: Ziel erreicht</translation>
    </message>
    <message>
        <source>%1 finished: objective not met</source>
        <translation>%1 beendet: Ziel verfehlt</translation>
    </message>
    <message>
        <source>opened %1 %2 incident on %3: %4</source>
        <translation>%1-Vorfall %2 in %3 eröffnet: %4</translation>
    </message>
    <message>
        <source>severity %1 → %2: %3</source>
        <translation>Schweregrad %1 → %2: %3</translation>
    </message>
    <message>
        <source>incident owner: %1</source>
        <translation>Vorfallverantwortliche(r): %1</translation>
    </message>
    <message>
        <source>core evidence record: %1 — %2</source>
        <translation>Kern-Nachweisdatensatz: %1 — %2</translation>
    </message>
    <message>
        <source>decision: %1</source>
        <translation>Entscheidung: %1</translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation>geschlossen: %1</translation>
    </message>
    <message>
        <source>%1 started: %2</source>
        <translation>%1 gestartet: %2</translation>
    </message>
    <message>
        <source>%1 started: rollback drill on %2</source>
        <translation>%1 gestartet: Rollback-Übung in %2</translation>
    </message>
    <message>
        <source>%1 started: rollback on %2</source>
        <translation>%1 gestartet: Rollback in %2</translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation>%1 abgeschlossen</translation>
    </message>
    <message>
        <source>%1 missed the %2 deadline (%3)</source>
        <translation>%1 hat die %2-Frist verpasst (%3)</translation>
    </message>
    <message>
        <source>%1 kill switch activated on %2: %3</source>
        <translation>Notschalter %1 in %2 aktiviert: %3</translation>
    </message>
    <message>
        <source>%1 kill switch deactivated on %2: %3</source>
        <translation>Notschalter %1 in %2 deaktiviert: %3</translation>
    </message>
</context>
<context>
    <name>ops::TransitionWriter</name>
    <message>
        <source>transitions not recorded: %1</source>
        <translation>Übergänge nicht aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>probe samples not saved: %1</source>
        <translation>Prüfproben nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ops::ui::Acts</name>
    <message>
        <source>%1 (event %2, signed by %3)</source>
        <translation>%1 (Ereignis %2, signiert von %3)</translation>
    </message>
    <message>
        <source>%1 (signed by %2; waits in the outbox until the team log is back)</source>
        <translation>%1 (signiert von %2; wartet im Postausgang, bis das Team-Log wieder erreichbar ist)</translation>
    </message>
</context>
<context>
    <name>ops::ui::AlertCellView</name>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Silenced&lt;/b&gt; until %1 by %2 (%3): %4 — notifications wait</source>
        <translation>&lt;br&gt;&lt;b&gt;Stummgeschaltet&lt;/b&gt; bis %1 von %2 (%3): %4 — Benachrichtigungen warten</translation>
    </message>
    <message>
        <source>FIRING</source>
        <translation>AKTIV</translation>
    </message>
    <message>
        <source>ACKNOWLEDGED</source>
        <translation>BESTÄTIGT</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNBEKANNT</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>Vorfall eröffnen…</translation>
    </message>
    <message>
        <source>Start runbook</source>
        <translation>Runbook starten</translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation>Stummschalten…</translation>
    </message>
    <message>
        <source>End silence</source>
        <translation>Stummschaltung beenden</translation>
    </message>
    <message>
        <source>Select a cell to see its trigger and first action</source>
        <translation>Eine Zelle wählen, um Auslöser und erste Maßnahme zu sehen</translation>
    </message>
    <message>
        <source>Note for the acknowledgement (required)</source>
        <translation>Notiz zur Bestätigung (Pflicht)</translation>
    </message>
    <message>
        <source>Acknowledgement note</source>
        <translation>Notiz zur Bestätigung</translation>
    </message>
    <message>
        <source>alert %1</source>
        <translation>Alarm %1</translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation>Alarm %1: %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;State:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Severity:&lt;/b&gt; %2 (%3)&lt;br&gt;&lt;b&gt;Since:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Seen:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Trigger:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;First action:&lt;/b&gt; %7</source>
        <translation>&lt;b&gt;Zustand:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Schweregrad:&lt;/b&gt; %2 (%3)&lt;br&gt;&lt;b&gt;Seit:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Beobachtet:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Auslöser:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;Erste Maßnahme:&lt;/b&gt; %7</translation>
    </message>
    <message>
        <source>never changed</source>
        <translation>nie geändert</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Acknowledged by:&lt;/b&gt; %1 — %2</source>
        <translation>&lt;br&gt;&lt;b&gt;Bestätigt von:&lt;/b&gt; %1 — %2</translation>
    </message>
    <message>
        <source>Open a %1 incident for %2, prefilled from this alert</source>
        <translation>Einen %1-Vorfall für %2 eröffnen, vorausgefüllt aus diesem Alarm</translation>
    </message>
    <message>
        <source>Select an alert cell first</source>
        <translation>Zuerst eine Alarmzelle wählen</translation>
    </message>
    <message>
        <source>Already silenced: end that silence first</source>
        <translation>Bereits stummgeschaltet: zuerst diese Stummschaltung beenden</translation>
    </message>
    <message>
        <source>Hold this cell's notifications for a while (signed); it keeps firing into the log</source>
        <translation>Benachrichtigungen dieser Zelle eine Weile zurückhalten (signiert); sie löst weiter ins Log aus</translation>
    </message>
    <message>
        <source>Select a silenced cell, or an active silence in the Silences tab</source>
        <translation>Eine stummgeschaltete Zelle oder eine aktive Stummschaltung im Reiter Stummschaltungen wählen</translation>
    </message>
    <message>
        <source>End %1 now (signed)</source>
        <translation>%1 jetzt beenden (signiert)</translation>
    </message>
    <message>
        <source>Start the %1 runbook for this scope</source>
        <translation>Das Runbook %1 für diesen Bereich starten</translation>
    </message>
    <message>
        <source>This alert names no runbook</source>
        <translation>Dieser Alarm nennt kein Runbook</translation>
    </message>
    <message>
        <source>Only a firing alert can be acknowledged</source>
        <translation>Nur ein ausgelöster Alarm kann bestätigt werden</translation>
    </message>
    <message>
        <source>Sign in to acknowledge…</source>
        <translation>Zum Bestätigen anmelden…</translation>
    </message>
    <message>
        <source>An acknowledgement is signed evidence: sign in with your identity first</source>
        <translation>Eine Bestätigung ist signierter Nachweis: zuerst mit Ihrer Identität anmelden</translation>
    </message>
    <message>
        <source>Record a signed acknowledgement as %1</source>
        <translation>Signierte Bestätigung als %1 aufzeichnen</translation>
    </message>
    <message>
        <source>Type a note first: what you saw and what you are doing</source>
        <translation>Zuerst eine Notiz eingeben: was Sie gesehen haben und was Sie tun</translation>
    </message>
    <message>
        <source>Type a note first: what you saw and what you are doing.</source>
        <translation>Zuerst eine Notiz eingeben: was Sie gesehen haben und was Sie tun.</translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation>Nicht bestätigt: %1</translation>
    </message>
    <message>
        <source>Acknowledged as %1 (event %2).</source>
        <translation>Bestätigt als %1 (Ereignis %2).</translation>
    </message>
    <message>
        <source>Not silenced: %1</source>
        <translation>Nicht stummgeschaltet: %1</translation>
    </message>
    <message>
        <source>Silenced %1 on %2 as SIL-%3 until %4: notifications wait, the state stays in view.</source>
        <translation>%1 auf %2 als SIL-%3 bis %4 stummgeschaltet: Benachrichtigungen warten, der Zustand bleibt sichtbar.</translation>
    </message>
    <message>
        <source>ended from the console</source>
        <translation>in der Konsole beendet</translation>
    </message>
    <message>
        <source>Silence not ended: %1</source>
        <translation>Stummschaltung nicht beendet: %1</translation>
    </message>
    <message>
        <source>Ended %1 (event %2): notifications flow again.</source>
        <translation>%1 beendet (Ereignis %2): Benachrichtigungen fließen wieder.</translation>
    </message>
</context>
<context>
    <name>ops::ui::AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Not probed yet: every cell is unknown until its targets have been probed.</source>
        <translation>Noch nicht geprüft: Jede Zelle ist unbekannt, bis ihre Ziele geprüft wurden.</translation>
    </message>
    <message>
        <source>Probe every target now (F5)</source>
        <translation>Alle Ziele jetzt prüfen (F5)</translation>
    </message>
    <message>
        <source>Alert matrix</source>
        <translation>Warnungsmatrix</translation>
    </message>
    <message>
        <source>Probe targets</source>
        <translation>Prüfziele</translation>
    </message>
    <message>
        <source>Last probe round %1: %2 of %3 targets not ok · next round in about %4 s</source>
        <translation>Letzte Prüfrunde %1: %2 von %3 Zielen nicht in Ordnung · nächste Runde in etwa %4 s</translation>
    </message>
    <message>
        <source>Probes: unknown (not probed)</source>
        <translation>Prüfungen: unbekannt (nicht geprüft)</translation>
    </message>
    <message>
        <source>No alert firing</source>
        <translation>Keine Warnung aktiv</translation>
    </message>
    <message>
        <source>Probing targets: %1…</source>
        <translation>Prüfe Ziele: %1 …</translation>
    </message>
    <message>
        <source>Alerts firing: %1, worst %2</source>
        <translation>Aktive Warnungen: %1, schlimmste %2</translation>
    </message>
    <message>
        <source>No alert firing; unknown cells: %1</source>
        <translation>Keine Warnung aktiv; unbekannte Zellen: %1</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Verläufe</translation>
    </message>
    <message>
        <source>%1 %2 firing for %3</source>
        <translation>%1 %2 ausgelöst für %3</translation>
    </message>
    <message>
        <source>First action: %1</source>
        <translation>Erste Maßnahme: %1</translation>
    </message>
    <message>
        <source>Not recording: %1</source>
        <translation>Keine Aufzeichnung: %1</translation>
    </message>
    <message>
        <source>Locked: 1 transition waits to be recorded as evidence — sign in to record it.</source>
        <translation>Gesperrt: 1 Zustandswechsel wartet auf Aufzeichnung als Nachweis — zum Aufzeichnen anmelden.</translation>
    </message>
    <message>
        <source>Locked: %1 transitions wait to be recorded as evidence — sign in to record them.</source>
        <translation>Gesperrt: %1 Zustandswechsel warten auf Aufzeichnung als Nachweis — zum Aufzeichnen anmelden.</translation>
    </message>
    <message>
        <source>Locked: transitions will wait in memory until someone signs in.</source>
        <translation>Gesperrt: Zustandswechsel warten im Speicher, bis sich jemand anmeldet.</translation>
    </message>
    <message>
        <source>Recording transitions as evidence signed by %1.</source>
        <translation>Zustandswechsel werden als Nachweis aufgezeichnet, signiert von %1.</translation>
    </message>
    <message>
        <source>Waiting for the recorder's first round · looking again in about %1 s</source>
        <translation>Warten auf die erste Runde des Aufzeichners · nächster Blick in etwa %1 s</translation>
    </message>
    <message>
        <source>The recorder's last round %1: %2 of %3 targets not ok · looking again in about %4 s</source>
        <translation>Letzte Runde des Aufzeichners %1: %2 von %3 Zielen nicht ok · nächster Blick in etwa %4 s</translation>
    </message>
    <message>
        <source>Monitored by %1: this console shows the recorder's evaluations and records nothing itself.</source>
        <translation>Überwacht von %1: diese Konsole zeigt die Auswertungen des Aufzeichners und zeichnet selbst nichts auf.</translation>
    </message>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>Alerts firing: %1 (%2 silenced), worst %3</source>
        <translation>Aktive Warnungen: %1 (%2 stummgeschaltet), schlimmste %3</translation>
    </message>
    <message>
        <source>Silences (%1)</source>
        <translation>Stummschaltungen (%1)</translation>
    </message>
    <message>
        <source>Not notifying: %1</source>
        <translation>Keine Benachrichtigung: %1</translation>
    </message>
    <message>
        <source>%1 %2 firing for %3 (held during a silence)</source>
        <translation>%1 %2 ausgelöst für %3 (während einer Stummschaltung zurückgehalten)</translation>
    </message>
    <message>
        <source>Nobody records the team log now: its recorder %1 last recorded a round at %2. Start opsconsole-cli monitor on one machine.</source>
        <translation>Niemand zeichnet das Team-Protokoll derzeit auf: sein Aufzeichner %1 hat die letzte Runde um %2 aufgezeichnet. Starten Sie opsconsole-cli monitor auf einem Rechner.</translation>
    </message>
    <message>
        <source>Monitored: recorded by %1 on the team log (last round %2); this console shows its evaluations and records nothing itself.</source>
        <translation>Überwacht: aufgezeichnet von %1 im Team-Protokoll (letzte Runde %2); diese Konsole zeigt die Auswertungen des Aufzeichners und zeichnet selbst nichts auf.</translation>
    </message>
</context>
<context>
    <name>ops::ui::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben …</translation>
    </message>
    <message>
        <source>Command filter</source>
        <translation>Befehlsfilter</translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation>Passende Befehle</translation>
    </message>
</context>
<context>
    <name>ops::ui::DecisionListModel</name>
    <message>
        <source>Decided by %1 at %2 (event %3):
%4</source>
        <translation>Entschieden von %1 um %2 (Ereignis %3):
%4</translation>
    </message>
</context>
<context>
    <name>ops::ui::DerivationsPanel</name>
    <message>
        <source>Derivations</source>
        <translation>Herleitungen</translation>
    </message>
    <message>
        <source>✔ signed · typed INFEASIBLE</source>
        <translation>✔ signiert · typisiertes INFEASIBLE</translation>
    </message>
    <message>
        <source>✔ signed</source>
        <translation>✔ signiert</translation>
    </message>
    <message>
        <source>accepted · to sign</source>
        <translation>angenommen · zu signieren</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in Prüfung</translation>
    </message>
    <message>
        <source>✘ rejected</source>
        <translation>✘ abgelehnt</translation>
    </message>
    <message>
        <source>superseded by %1</source>
        <translation>ersetzt durch %1</translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation>ungültig</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Handoff to S03</source>
        <translation>Übergabe an S03</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>Prüfwarteschlange</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Zustände</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Nach Zustand filtern</translation>
    </message>
    <message>
        <source>Filter by cost tier</source>
        <translation>Nach Kostenstufe filtern</translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation>Alle Stufen</translation>
    </message>
    <message>
        <source>Filter by lockability</source>
        <translation>Nach Sperrbarkeit filtern</translation>
    </message>
    <message>
        <source>All lockability</source>
        <translation>Jede Sperrbarkeit</translation>
    </message>
    <message>
        <source>Filter by author</source>
        <translation>Nach Autor filtern</translation>
    </message>
    <message>
        <source>All authors</source>
        <translation>Alle Autoren</translation>
    </message>
    <message>
        <source>Derivation and INFEASIBLE records</source>
        <translation>Herleitungen und INFEASIBLE-Datensätze</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Drop YAML records here, or</source>
        <translation>YAML-Datensätze hier ablegen, oder</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importieren…</translation>
    </message>
    <message>
        <source>Import derivation or typed INFEASIBLE records (YAML, one record template each); an invalid file is refused whole with every finding, and nothing is written</source>
        <translation>Herleitungen oder typisierte INFEASIBLE-Datensätze importieren (YAML, je eine Datensatzvorlage); eine ungültige Datei wird ganz abgelehnt, mit jedem Befund, und nichts wird geschrieben</translation>
    </message>
    <message>
        <source>Import derivation records</source>
        <translation>Herleitungen importieren</translation>
    </message>
    <message>
        <source>YAML records (*.yaml *.yml)</source>
        <translation>YAML-Datensätze (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Reason or note (required to reject, invalidate or note)</source>
        <translation>Grund oder Notiz (nötig zum Ablehnen, Ungültig-Machen oder Notieren)</translation>
    </message>
    <message>
        <source>Reason or note</source>
        <translation>Grund oder Notiz</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Annehmen</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>Risk note</source>
        <translation>Risikonotiz</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Signieren</translation>
    </message>
    <message>
        <source>Re-derive…</source>
        <translation>Neu herleiten…</translation>
    </message>
    <message>
        <source>Supersede this record with a new one (never an edit): its dependents are invalidated</source>
        <translation>Diesen Datensatz durch einen neuen ersetzen (nie bearbeiten): abhängige Datensätze werden ungültig</translation>
    </message>
    <message>
        <source>The re-derived record</source>
        <translation>Der neu hergeleitete Datensatz</translation>
    </message>
    <message>
        <source>Invalidate</source>
        <translation>Ungültig machen</translation>
    </message>
    <message>
        <source>Roll back (§11): mark this record and its dependents invalidated, with the reason</source>
        <translation>Zurückrollen (§11): diesen Datensatz und seine Abhängigen mit Grund als ungültig markieren</translation>
    </message>
    <message>
        <source>Charter declared</source>
        <translation>Charter festgelegt</translation>
    </message>
    <message>
        <source>No unresolved threat recorded</source>
        <translation>Keine offene Gefährdung erfasst</translation>
    </message>
    <message>
        <source>Threats recorded</source>
        <translation>Gefährdungen erfasst</translation>
    </message>
    <message>
        <source>Analysis-only attestation recorded</source>
        <translation>Bestätigung „nur Analyse“ erfasst</translation>
    </message>
    <message>
        <source>No evidence store: the reviewer's desk needs one.</source>
        <translation>Kein Nachweisspeicher: der Prüfplatz braucht einen.</translation>
    </message>
    <message>
        <source>%1 — INFEASIBLE (%2)</source>
        <translation>%1 — INFEASIBLE (%2)</translation>
    </message>
    <message>
        <source>No records yet: import the derivation records (YAML).</source>
        <translation>Noch keine Datensätze: die Herleitungen importieren (YAML).</translation>
    </message>
    <message>
        <source>%1 in review · %2 to sign · %3 signed · %4 typed INFEASIBLE signed</source>
        <translation>%1 in Prüfung · %2 zu signieren · %3 signiert · %4 typisierte INFEASIBLE signiert</translation>
    </message>
    <message>
        <source>Select a record</source>
        <translation>Einen Datensatz auswählen</translation>
    </message>
    <message>
        <source>Sign in as the reviewer the record names (%1)</source>
        <translation>Als der im Datensatz genannte Prüfer anmelden (%1)</translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation>Zuerst anmelden</translation>
    </message>
    <message>
        <source>Accept: the derivation is valid and reproducible</source>
        <translation>Annehmen: die Herleitung ist gültig und reproduzierbar</translation>
    </message>
    <message>
        <source>Reject, with the reason</source>
        <translation>Ablehnen, mit Grund</translation>
    </message>
    <message>
        <source>Sign the record's canonical hash, git_sha and input hashes</source>
        <translation>Den kanonischen Hash, git_sha und die Eingabe-Hashes des Datensatzes signieren</translation>
    </message>
    <message>
        <source>The risk owner's note on a cost or capacity value</source>
        <translation>Die Notiz des Risikoverantwortlichen zu einem Kosten- oder Kapazitätswert</translation>
    </message>
    <message>
        <source>Supersede this record with a re-derivation</source>
        <translation>Diesen Datensatz durch eine Neuherleitung ersetzen</translation>
    </message>
    <message>
        <source>Mark invalidated with the reason (§11)</source>
        <translation>Mit Grund als ungültig markieren (§11)</translation>
    </message>
    <message>
        <source>Select a record to review it.</source>
        <translation>Einen Datensatz zum Prüfen auswählen.</translation>
    </message>
    <message>
        <source>%1 is %2 and final.</source>
        <translation>%1 ist %2 und endgültig.</translation>
    </message>
    <message>
        <source>Review it: Accept, or Reject with the reason.</source>
        <translation>Prüfen: Annehmen, oder mit Grund Ablehnen.</translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation>Prüfen: %1</translation>
    </message>
    <message>
        <source>Accepted: sign it.</source>
        <translation>Angenommen: signieren.</translation>
    </message>
    <message>
        <source>Sign: %1</source>
        <translation>Signieren: %1</translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Signiert von %1.</translation>
    </message>
    <message>
        <source>Rejected: re-derive it (supersede) or invalidate it.</source>
        <translation>Abgelehnt: neu herleiten (ersetzen) oder ungültig machen.</translation>
    </message>
    <message>
        <source>Sign in as a reviewer</source>
        <translation>Als Prüfer anmelden</translation>
    </message>
    <message>
        <source>Sign in first: every review, signature and note is signed evidence.</source>
        <translation>Zuerst anmelden: jede Prüfung, Signatur und Notiz ist signierter Nachweis.</translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation>Kein Nachweisspeicher.</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… und %1 weitere</translation>
    </message>
    <message>
        <source>Nothing was written:</source>
        <translation>Nichts wurde geschrieben:</translation>
    </message>
    <message>
        <source>Imported %1 record(s) from %2 file(s), signed by %3</source>
        <translation>%1 Datensatz/-sätze aus %2 Datei(en) importiert, signiert von %3</translation>
    </message>
    <message>
        <source>%1 superseded; %2 event(s) recorded</source>
        <translation>%1 ersetzt; %2 Ereignis(se) erfasst</translation>
    </message>
    <message>
        <source>%1 accepted</source>
        <translation>%1 angenommen</translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation>%1 abgelehnt</translation>
    </message>
    <message>
        <source>%1 signed by %2</source>
        <translation>%1 signiert von %2</translation>
    </message>
    <message>
        <source>Risk-owner note on %1</source>
        <translation>Risikonotiz zu %1</translation>
    </message>
    <message>
        <source>%1 invalidated</source>
        <translation>%1 ungültig gemacht</translation>
    </message>
    <message>
        <source>Exported %1 (%2 records, %3 signatures%4), SHA-256 %5</source>
        <translation>%1 exportiert (%2 Datensätze, %3 Signaturen%4), SHA-256 %5</translation>
    </message>
    <message>
        <source>, DRAFT</source>
        <translation>, ENTWURF</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
</context>
<context>
    <name>ops::ui::EmptyState</name>
    <message>
        <source>What will be here:</source>
        <translation>Was hier erscheinen wird:</translation>
    </message>
</context>
<context>
    <name>ops::ui::EnvironmentBadge</name>
    <message>
        <source>Environment: %1</source>
        <translation>Umgebung: %1</translation>
    </message>
    <message>
        <source>Development environment: demo data and dev-only switches are allowed</source>
        <translation>Entwicklungsumgebung: Demodaten und reine Entwicklungsschalter sind erlaubt</translation>
    </message>
    <message>
        <source>%1 environment: secrets are required and dev-only switches are refused</source>
        <translation>Umgebung %1: Geheimnisse sind erforderlich, reine Entwicklungsschalter werden abgelehnt</translation>
    </message>
</context>
<context>
    <name>ops::ui::ErrorText</name>
    <message>
        <source>a note (in the step's note field)</source>
        <translation>eine Notiz (im Notizfeld des Schritts)</translation>
    </message>
    <message>
        <source>an attachment (Attach file…)</source>
        <translation>einen Anhang (Datei anhängen…)</translation>
    </message>
    <message>
        <source>a confirmation (tick “I confirm the action was done”)</source>
        <translation>eine Bestätigung (Haken bei „Ich bestätige, dass die Aktion ausgeführt wurde“)</translation>
    </message>
    <message>
        <source>a probe result (Probe now)</source>
        <translation>ein Prüfergebnis (Jetzt prüfen)</translation>
    </message>
    <message>
        <source>a checksum (Checksum file…, or a pack probe whose SHA-256 matches its manifest)</source>
        <translation>eine Prüfsumme (Prüfsummendatei…, oder eine Paketprüfung, deren SHA-256 zum Manifest passt)</translation>
    </message>
    <message>
        <source>Step %1 needs %2 before it can be done.</source>
        <translation>Schritt %1 braucht %2, bevor er erledigt ist.</translation>
    </message>
    <message>
        <source>Check %1 needs %2.</source>
        <translation>Prüfung %1 braucht %2.</translation>
    </message>
    <message>
        <source>A skipped step needs its reason: write it in the step's note field.</source>
        <translation>Ein übersprungener Schritt braucht seinen Grund: tragen Sie ihn im Notizfeld des Schritts ein.</translation>
    </message>
    <message>
        <source>A failed step needs its reason: write it in the step's note field.</source>
        <translation>Ein fehlgeschlagener Schritt braucht seinen Grund: tragen Sie ihn im Notizfeld des Schritts ein.</translation>
    </message>
    <message>
        <source>A failed check needs its reason.</source>
        <translation>Eine fehlgeschlagene Prüfung braucht ihren Grund.</translation>
    </message>
    <message>
        <source>Check %1 needs a note on what was observed, e.g. the publish job and the version it published.</source>
        <translation>Prüfung %1 braucht eine Notiz zum Beobachteten, z. B. den Veröffentlichungsjob und die Version, die er veröffentlicht hat.</translation>
    </message>
    <message>
        <source>No launch has been started: start one with Start launch.</source>
        <translation>Es wurde kein Start begonnen: beginnen Sie einen mit „Start beginnen“.</translation>
    </message>
    <message>
        <source>The search gave up after %1 s: narrow it with a kind, scope, actor or time range.</source>
        <translation>Die Suche hat nach %1 s aufgegeben: Grenzen Sie sie mit Art, Bereich, Akteur oder Zeitraum ein.</translation>
    </message>
    <message>
        <source>Opening an incident</source>
        <translation>Das Eröffnen eines Vorfalls</translation>
    </message>
    <message>
        <source>Changing the severity</source>
        <translation>Das Ändern des Schweregrads</translation>
    </message>
    <message>
        <source>Assigning the incident owner</source>
        <translation>Das Zuweisen des Vorfallverantwortlichen</translation>
    </message>
    <message>
        <source>Recording the core evidence</source>
        <translation>Das Erfassen der Kernnachweise</translation>
    </message>
    <message>
        <source>The decision log</source>
        <translation>Das Entscheidungsprotokoll</translation>
    </message>
    <message>
        <source>Closing an incident</source>
        <translation>Das Schließen eines Vorfalls</translation>
    </message>
    <message>
        <source>A rollback</source>
        <translation>Ein Rollback</translation>
    </message>
    <message>
        <source>A rollback drill</source>
        <translation>Eine Rollback-Übung</translation>
    </message>
    <message>
        <source>A kill switch</source>
        <translation>Ein Notschalter</translation>
    </message>
    <message>
        <source>A step of an incident or rollback run</source>
        <translation>Ein Schritt eines Vorfall- oder Rollback-Laufs</translation>
    </message>
    <message>
        <source>Starting a launch</source>
        <translation>Das Beginnen eines Starts</translation>
    </message>
    <message>
        <source>A launch check</source>
        <translation>Eine Startprüfung</translation>
    </message>
    <message>
        <source>This sign-off</source>
        <translation>Diese Freigabe</translation>
    </message>
    <message>
        <source>The launch decision</source>
        <translation>Die Startentscheidung</translation>
    </message>
    <message>
        <source>Importing records</source>
        <translation>Das Importieren von Datensätzen</translation>
    </message>
    <message>
        <source>Reviewing a record</source>
        <translation>Das Prüfen eines Datensatzes</translation>
    </message>
    <message>
        <source>A risk-owner note</source>
        <translation>Eine Risikonotiz</translation>
    </message>
    <message>
        <source>Signing a record</source>
        <translation>Das Signieren eines Datensatzes</translation>
    </message>
    <message>
        <source>A re-derivation</source>
        <translation>Eine Neuherleitung</translation>
    </message>
    <message>
        <source>Invalidating a record</source>
        <translation>Das Ungültigmachen eines Datensatzes</translation>
    </message>
    <message>
        <source>The value charter</source>
        <translation>Die Werte-Charta</translation>
    </message>
    <message>
        <source>The threat list</source>
        <translation>Die Bedrohungsliste</translation>
    </message>
    <message>
        <source>The attestation</source>
        <translation>Die Bestätigung</translation>
    </message>
    <message>
        <source>The handoff package</source>
        <translation>Das Übergabepaket</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>keine Rolle</translation>
    </message>
    <message>
        <source>%1 needs the role %2; %3 holds %4.</source>
        <translation>%1 erfordert die Rolle %2; %3 hat %4.</translation>
    </message>
    <message>
        <source>%1 needs one of the roles %2; %3 holds %4.</source>
        <translation>%1 erfordert eine der Rollen %2; %3 hat %4.</translation>
    </message>
    <message>
        <source>%1 was closed at %2: open a new incident for a recurrence.</source>
        <translation>%1 wurde am %2 geschlossen: für ein erneutes Auftreten einen neuen Vorfall eröffnen.</translation>
    </message>
    <message>
        <source>An incident needs its trigger or alert source.</source>
        <translation>Ein Vorfall braucht seinen Auslöser oder seine Warnungsquelle.</translation>
    </message>
    <message>
        <source>The incident owner must be an identity with the incident-owner role; %1 is not.</source>
        <translation>Der Vorfallverantwortliche muss eine Identität mit der Rolle incident-owner sein; %1 ist es nicht.</translation>
    </message>
    <message>
        <source>The severity model suggests %1; choosing %2 needs a reason.</source>
        <translation>Das Schweregradmodell schlägt %1 vor; %2 zu wählen braucht eine Begründung.</translation>
    </message>
    <message>
        <source>A severity change needs a reason.</source>
        <translation>Eine Änderung des Schweregrads braucht eine Begründung.</translation>
    </message>
    <message>
        <source>A decision needs its text.</source>
        <translation>Eine Entscheidung braucht ihren Text.</translation>
    </message>
    <message>
        <source>Closing needs the closure condition confirmed in words.</source>
        <translation>Zum Schließen muss die Abschlussbedingung in Worten bestätigt werden.</translation>
    </message>
    <message>
        <source>Closing needs a verification result.</source>
        <translation>Zum Schließen wird ein Prüfergebnis gebraucht.</translation>
    </message>
    <message>
        <source>A kill switch needs its reason.</source>
        <translation>Ein Notschalter braucht seine Begründung.</translation>
    </message>
    <message>
        <source>%1 is the author of %2: a record is never reviewed or signed by its author.</source>
        <translation>%1 ist der Autor von %2: ein Datensatz wird nie von seinem Autor geprüft oder signiert.</translation>
    </message>
    <message>
        <source>%1 imported %2: the analyst who brought a record in cannot review or sign it.</source>
        <translation>%1 hat %2 importiert: wer einen Datensatz einbringt, kann ihn nicht prüfen oder signieren.</translation>
    </message>
    <message>
        <source>%1 names %2 as its reviewer, not %3.</source>
        <translation>%1 nennt %2 als Prüfer, nicht %3.</translation>
    </message>
    <message>
        <source>No such record.</source>
        <translation>Kein solcher Datensatz.</translation>
    </message>
    <message>
        <source>%1 is %2: superseded and invalidated records are final.</source>
        <translation>%1 ist %2: ersetzte und ungültig gemachte Datensätze sind endgültig.</translation>
    </message>
    <message>
        <source>%1 was already reviewed (%2); a change is a re-derivation.</source>
        <translation>%1 wurde bereits geprüft (%2); eine Änderung ist eine Neuherleitung.</translation>
    </message>
    <message>
        <source>%1 is already signed.</source>
        <translation>%1 ist bereits signiert.</translation>
    </message>
    <message>
        <source>%1 is %2: only an accepted record is signed.</source>
        <translation>%1 ist %2: nur ein angenommener Datensatz wird signiert.</translation>
    </message>
    <message>
        <source>%1 is a cost or capacity value: a risk-owner note is needed before signing.</source>
        <translation>%1 ist ein Kosten- oder Kapazitätswert: vor dem Signieren wird eine Risikonotiz gebraucht.</translation>
    </message>
    <message>
        <source>%1 is the author of %2: the risk owner is someone else.</source>
        <translation>%1 ist der Autor von %2: die Risikoverantwortung trägt jemand anderes.</translation>
    </message>
    <message>
        <source>Name the app build being launched (one line) in App build.</source>
        <translation>Den zu startenden App-Build (eine Zeile) unter „App-Build“ angeben.</translation>
    </message>
    <message>
        <source>Launch %1 (%2, build %3) is still open: record GO or NO-GO first.</source>
        <translation>Start %1 (%2, Build %3) ist noch offen: zuerst GO oder NO-GO festhalten.</translation>
    </message>
    <message>
        <source>Launch %1 was decided at %2: start a new launch.</source>
        <translation>Über Start %1 wurde am %2 entschieden: einen neuen Start beginnen.</translation>
    </message>
    <message>
        <source>%1 signed the %2 sign-off of %3: one identity never signs two roles.</source>
        <translation>%1 hat die Freigabe %2 von %3 signiert: eine Identität signiert nie zwei Rollen.</translation>
    </message>
    <message>
        <source>A sign-off signs a complete checklist; still open: %1.</source>
        <translation>Eine Freigabe signiert eine vollständige Checkliste; noch offen: %1.</translation>
    </message>
    <message>
        <source>The %1 sign-off is already given by %2 (%3) and still verifies.</source>
        <translation>Die Freigabe %1 ist bereits von %2 (%3) erteilt und noch gültig.</translation>
    </message>
    <message>
        <source>%1 exists: an archive is never overwritten.</source>
        <translation>%1 existiert: ein Archiv wird nie überschrieben.</translation>
    </message>
    <message>
        <source>%1 finished at %2: start a new run.</source>
        <translation>%1 wurde am %2 beendet: einen neuen Lauf beginnen.</translation>
    </message>
    <message>
        <source>Step %1 of %2 is already recorded (%3, event %4).</source>
        <translation>Schritt %1 von %2 ist bereits festgehalten (%3, Ereignis %4).</translation>
    </message>
    <message>
        <source>Step %1 cannot be skipped: the %2 runbook does not allow it.</source>
        <translation>Schritt %1 kann nicht übersprungen werden: das Runbook %2 erlaubt es nicht.</translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation>%1 ist bereits %2.</translation>
    </message>
    <message>
        <source>%1 has no core evidence record: record one (Record evidence) before closing.</source>
        <translation>%1 hat keinen Kern-Nachweisdatensatz: vor dem Schließen einen erfassen (Nachweis erfassen).</translation>
    </message>
    <message>
        <source>%1 has an unfinished rollback run %2 (%3 of %4 steps): finish it before closing.</source>
        <translation>%1 hat einen unfertigen Rollback-Lauf %2 (%3 von %4 Schritten): ihn vor dem Schließen abschließen.</translation>
    </message>
    <message>
        <source>%1 is already rolling back %2: finish it first.</source>
        <translation>%1 setzt %2 bereits zurück: diesen Lauf zuerst abschließen.</translation>
    </message>
    <message>
        <source>The %1 kill switch is already active on %2 (since %3, by %4).</source>
        <translation>Der Notschalter %1 ist auf %2 bereits aktiv (seit %3, von %4).</translation>
    </message>
    <message>
        <source>The %1 kill switch is not active on %2.</source>
        <translation>Der Notschalter %1 ist auf %2 nicht aktiv.</translation>
    </message>
    <message>
        <source>Step %1 is done only when its probes pass (%2): record it as failed with the reason, or fix it and probe again.</source>
        <translation>Schritt %1 ist erst erledigt, wenn seine Prüfungen bestehen (%2): ihn mit Begründung als fehlgeschlagen erfassen, oder das Problem beheben und erneut prüfen.</translation>
    </message>
    <message>
        <source>%1 holds neither the operator nor the incident-owner role.</source>
        <translation>%1 hat weder die Rolle operator noch incident-owner.</translation>
    </message>
    <message>
        <source>An acknowledgement needs a note.</source>
        <translation>Eine Bestätigung braucht eine Notiz.</translation>
    </message>
    <message>
        <source>Only a firing alert can be acknowledged: %1 for %2 is %3.</source>
        <translation>Nur ein ausgelöster Alarm kann bestätigt werden: %1 für %2 ist %3.</translation>
    </message>
    <message>
        <source>The reason</source>
        <translation>Die Begründung</translation>
    </message>
    <message>
        <source>The note</source>
        <translation>Die Notiz</translation>
    </message>
    <message>
        <source>A charter value</source>
        <translation>Ein Charter-Wert</translation>
    </message>
    <message>
        <source>A threat to validity</source>
        <translation>Eine Gefährdung der Validität</translation>
    </message>
    <message>
        <source>The forbidden run</source>
        <translation>Der verbotene Lauf</translation>
    </message>
    <message>
        <source>A NO-GO decision needs its reason.</source>
        <translation>Eine NO-GO-Entscheidung braucht ihre Begründung.</translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation>%1 fehlt.</translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation>%1 ist länger als %2 Zeichen.</translation>
    </message>
    <message>
        <source>%1 is a placeholder (“%2”): say what it is.</source>
        <translation>%1 ist ein Platzhalter („%2“): bitte sagen, was gemeint ist.</translation>
    </message>
    <message>
        <source>The charter value “%1” is named twice.</source>
        <translation>Der Charter-Wert „%1“ ist doppelt genannt.</translation>
    </message>
    <message>
        <source>Name at least one charter value.</source>
        <translation>Mindestens einen Charter-Wert nennen.</translation>
    </message>
    <message>
        <source>A silence needs a reason: why these notifications may wait.</source>
        <translation>Eine Stummschaltung braucht eine Begründung: warum diese Benachrichtigungen warten dürfen.</translation>
    </message>
    <message>
        <source>The silence would end at %1, which is not in the future.</source>
        <translation>Die Stummschaltung würde am %1 enden, und das liegt nicht in der Zukunft.</translation>
    </message>
    <message>
        <source>A silence lasts at most 30 days (until %1 asked); recurring maintenance belongs in the config's maintenance windows.</source>
        <translation>Eine Stummschaltung dauert höchstens 30 Tage (bis %1 verlangt); wiederkehrende Wartung gehört in die Wartungsfenster der Konfiguration.</translation>
    </message>
    <message>
        <source>%1 on %2 is already silenced by %3 until %4 (%5): end that silence first.</source>
        <translation>%1 auf %2 ist bereits von %3 bis %4 stummgeschaltet (%5): diese Stummschaltung zuerst beenden.</translation>
    </message>
    <message>
        <source>There is no silence %1.</source>
        <translation>Es gibt keine Stummschaltung %1.</translation>
    </message>
    <message>
        <source>%1 has not started (it starts %2).</source>
        <translation>%1 hat noch nicht begonnen (Beginn %2).</translation>
    </message>
    <message>
        <source>%1 was already ended by %2 (event %3).</source>
        <translation>%1 wurde bereits von %2 beendet (Ereignis %3).</translation>
    </message>
    <message>
        <source>%1 expired at %2.</source>
        <translation>%1 ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <source>Others kept adding to the log while this was decided (it grew from %1 to %2 events), so nothing was written: try again in a moment.</source>
        <translation>Andere haben das Protokoll laufend erweitert, während dies entschieden wurde (von %1 auf %2 Ereignisse), daher wurde nichts geschrieben: bitte gleich noch einmal versuchen.</translation>
    </message>
</context>
<context>
    <name>ops::ui::EventDetailView</name>
    <message>
        <source>Select an event to see its bytes, signature and inclusion proof.</source>
        <translation>Ein Ereignis wählen, um Bytes, Signatur und Inklusionsbeweis zu sehen.</translation>
    </message>
    <message>
        <source>Leaf hash</source>
        <translation>Blatt-Hash</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>The event, pretty-printed</source>
        <translation>Das Ereignis, lesbar formatiert</translation>
    </message>
    <message>
        <source>Copy exact bytes</source>
        <translation>Exakte Bytes kopieren</translation>
    </message>
    <message>
        <source>The canonical JSON exactly as hashed into the tree (one line)</source>
        <translation>Das kanonische JSON genau so, wie es in den Baum gehasht wurde (eine Zeile)</translation>
    </message>
    <message>
        <source>Related events (same incident, run or record)</source>
        <translation>Zugehörige Ereignisse (gleicher Incident, Lauf oder Datensatz)</translation>
    </message>
    <message>
        <source>Related events</source>
        <translation>Zugehörige Ereignisse</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Anhänge</translation>
    </message>
    <message>
        <source>Save attachment…</source>
        <translation>Anhang speichern…</translation>
    </message>
    <message>
        <source>Save the attachment</source>
        <translation>Den Anhang speichern</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>SHA-256 kopieren</translation>
    </message>
    <message>
        <source>
… (first 1 MiB shown; save it for the rest)</source>
        <translation>
… (erstes 1 MiB angezeigt; für den Rest speichern)</translation>
    </message>
    <message>
        <source>Event %1 · %2 · %3 · by %4 at %5</source>
        <translation>Ereignis %1 · %2 · %3 · von %4 um %5</translation>
    </message>
    <message>
        <source>no scope</source>
        <translation>kein Geltungsbereich</translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation>Signatur: %1</translation>
    </message>
    <message>
        <source> · witnesses unknown: %1</source>
        <translation> · Zeugen unbekannt: %1</translation>
    </message>
    <message>
        <source> · no console has cosigned this checkpoint yet</source>
        <translation> · noch keine Konsole hat diesen Checkpoint mitsigniert</translation>
    </message>
    <message>
        <source> · cosigned by %1</source>
        <translation> · mitsigniert von %1</translation>
    </message>
    <message>
        <source>Inclusion proof: %1</source>
        <translation>Inklusionsbeweis: %1</translation>
    </message>
    <message>
        <source>Path (leaf to root):
%1</source>
        <translation>Pfad (Blatt bis Wurzel):
%1</translation>
    </message>
    <message>
        <source>About %1</source>
        <translation>Betrifft %1</translation>
    </message>
    <message>
        <source>%1  (%2, %3 bytes)  SHA-256 %4</source>
        <translation>%1  (%2, %3 Bytes)  SHA-256 %4</translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation>unbenannt</translation>
    </message>
    <message>
        <source>no evidence store</source>
        <translation>kein Nachweisspeicher</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Saved %1 bytes to %2 (SHA-256 %3).</source>
        <translation>%1 Bytes nach %2 gespeichert (SHA-256 %3).</translation>
    </message>
    <message>
        <source>Related events need the log's id index: this console's copy of the team log is read by position until the server is back</source>
        <translation>Verwandte Ereignisse brauchen den Id-Index des Protokolls: die Kopie des Team-Protokolls auf dieser Konsole wird nach Position gelesen, bis der Server wieder da ist</translation>
    </message>
</context>
<context>
    <name>ops::ui::EvidenceFilterBar</name>
    <message>
        <source>Search every event (Ctrl+F): words, "a phrase", prefix*, AND / OR / NOT</source>
        <translation>Alle Ereignisse durchsuchen (Strg+F): Wörter, "eine Phrase", Präfix*, AND / OR / NOT</translation>
    </message>
    <message>
        <source>Full-text search</source>
        <translation>Volltextsuche</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Akteur</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Gesamter Zeitraum</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Between…</source>
        <translation>Zwischen…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All scopes</source>
        <translation>Alle Geltungsbereiche</translation>
    </message>
    <message>
        <source>All actors</source>
        <translation>Alle Akteure</translation>
    </message>
    <message>
        <source>Incident, run or record id</source>
        <translation>Incident-, Lauf- oder Datensatz-ID</translation>
    </message>
    <message>
        <source>Incident or record</source>
        <translation>Incident oder Datensatz</translation>
    </message>
    <message>
        <source>Search and filters need the team log itself: this console's copy of it is browsed by position until the server is back</source>
        <translation>Suche und Filter brauchen das Team-Log selbst: die Kopie auf dieser Konsole wird nach Position durchgesehen, bis der Server wieder da ist</translation>
    </message>
</context>
<context>
    <name>ops::ui::EvidenceJobs</name>
    <message>
        <source>The search index could not catch up: %1</source>
        <translation>Der Suchindex konnte nicht aufholen: %1</translation>
    </message>
    <message>
        <source>Indexing %1 imported events for search… Searches cover the events indexed so far.</source>
        <translation>%1 importierte Ereignisse werden für die Suche indiziert… Suchen umfassen die bisher indizierten Ereignisse.</translation>
    </message>
    <message>
        <source>Indexing imported events for search: %1%… Searches cover the events indexed so far.</source>
        <translation>Importierte Ereignisse werden für die Suche indiziert: %1 %… Suchen umfassen die bisher indizierten Ereignisse.</translation>
    </message>
    <message>
        <source>Not recorded: sign in to record verifications.</source>
        <translation>Nicht aufgezeichnet: zum Aufzeichnen von Prüfungen anmelden.</translation>
    </message>
    <message>
        <source>Recorded as event %1.</source>
        <translation>Als Ereignis %1 aufgezeichnet.</translation>
    </message>
</context>
<context>
    <name>ops::ui::EvidencePanel</name>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Proof summaries</source>
        <translation>Nachweis-Zusammenfassungen</translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation>Urteile</translation>
    </message>
    <message>
        <source>Store intact: %1 events, %2 checkpoints and %3 signatures recomputed and verified.</source>
        <translation>Speicher unversehrt: %1 Ereignisse, %2 Checkpoints und %3 Signaturen neu berechnet und geprüft.</translation>
    </message>
    <message>
        <source>TAMPERED: %1</source>
        <translation>MANIPULIERT: %1</translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation>%1 Ereignisse nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Verify store</source>
        <translation>Speicher prüfen</translation>
    </message>
    <message>
        <source>Recompute every leaf, the Merkle tree, every checkpoint and signature, off the GUI thread</source>
        <translation>Jedes Blatt, den Merkle-Baum, jeden Checkpoint und jede Signatur neu berechnen, außerhalb des GUI-Threads</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export shown events…</source>
        <translation>Angezeigte Ereignisse exportieren…</translation>
    </message>
    <message>
        <source>Export the shown events</source>
        <translation>Die angezeigten Ereignisse exportieren</translation>
    </message>
    <message>
        <source>As JSON (exact canonical bytes)…</source>
        <translation>Als JSON (exakte kanonische Bytes)…</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source>As CSV…</source>
        <translation>Als CSV…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>As a signed bundle with inclusion proofs…</source>
        <translation>Als signiertes Bündel mit Inklusionsbeweisen…</translation>
    </message>
    <message>
        <source>Bundles (*.tar.zst)</source>
        <translation>Bündel (*.tar.zst)</translation>
    </message>
    <message>
        <source>Search not applied: %1</source>
        <translation>Suche nicht angewendet: %1</translation>
    </message>
    <message>
        <source>No evidence store</source>
        <translation>Kein Nachweisspeicher</translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation>Suche fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n Ereignis</numerusform>
            <numerusform>%n Ereignisse</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ events (more load as you scroll)</source>
        <translation>%1+ Ereignisse (weitere laden beim Scrollen)</translation>
    </message>
    <message>
        <source>Verifying the store…</source>
        <translation>Speicher wird geprüft…</translation>
    </message>
    <message>
        <source>A signed bundle needs a signature: sign in first.</source>
        <translation>Ein signiertes Bündel braucht eine Signatur: zuerst anmelden.</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportiere %1…</translation>
    </message>
    <message>
        <source>Search index caught up: every event can be searched.</source>
        <translation>Suchindex aktuell: jedes Ereignis ist durchsuchbar.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s), %1 loaded (more as you scroll)</source>
        <translation>
            <numerusform>%Ln Ereignis, %1 geladen (mehr beim Blättern)</numerusform>
            <numerusform>%Ln Ereignisse, %1 geladen (mehr beim Blättern)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ events (counting…)</source>
        <translation>%1+ Ereignisse (wird gezählt…)</translation>
    </message>
    <message>
        <source> Trust root not pinned: a log rewritten with new keys would verify too.</source>
        <translation> Vertrauensanker nicht festgelegt: ein mit neuen Schlüsseln neu geschriebenes Protokoll würde ebenfalls bestehen.</translation>
    </message>
    <message>
        <source>The team log cannot be read</source>
        <translation>Das Team-Log kann nicht gelesen werden</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the team log</source>
        <translation>
            <numerusform>%n Ereignis im Team-Log</numerusform>
            <numerusform>%n Ereignisse im Team-Log</numerusform>
        </translation>
    </message>
    <message>
        <source>On the team log a signed bundle is made with opsconsole-cli evidence export --store URL</source>
        <translation>Im Team-Log entsteht ein signiertes Bündel mit opsconsole-cli evidence export --store URL</translation>
    </message>
    <message>
        <source>Verification cancelled; nothing recorded.</source>
        <translation>Prüfung abgebrochen; nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>Offline — this console's copy of the team log: %1; made here, not in the team log yet: %2</source>
        <translation>Offline — Kopie des Team-Logs dieser Konsole: %1; hier vorgenommen, noch nicht im Team-Log: %2</translation>
    </message>
    <message>
        <source>The positions of the acts made here are provisional until they are synced</source>
        <translation>Die Positionen der hier vorgenommenen Handlungen gelten nur vorläufig, bis sie abgeglichen sind</translation>
    </message>
    <message>
        <source>Search and filters run on the team log's server</source>
        <translation>Suche und Filter laufen auf dem Server des Team-Logs</translation>
    </message>
    <message numerus="yes">
        <source>%n matching event(s) in the team log</source>
        <translation>
            <numerusform>%n passendes Ereignis im Team-Log</numerusform>
            <numerusform>%n passende Ereignisse im Team-Log</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ matching events in the team log (more load as you scroll)</source>
        <translation>%1+ passende Ereignisse im Team-Log (weitere laden beim Blättern)</translation>
    </message>
    <message>
        <source>Searching the team log…</source>
        <translation>Das Team-Protokoll wird durchsucht …</translation>
    </message>
    <message numerus="yes">
        <source> — %n event(s) cannot be searched (not UTF-8 JSON; Verify store names them)</source>
        <translation>
            <numerusform> — %n Ereignis kann nicht durchsucht werden (kein UTF-8-JSON; „Speicher prüfen“ nennt es)</numerusform>
            <numerusform> — %n Ereignisse können nicht durchsucht werden (kein UTF-8-JSON; „Speicher prüfen“ nennt sie)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to opsconsole</source>
        <translation>Willkommen bei opsconsole</translation>
    </message>
    <message>
        <source>Create a local store</source>
        <translation>Lokalen Speicher anlegen</translation>
    </message>
    <message>
        <source>Join a team log</source>
        <translation>Einem Team-Protokoll beitreten</translation>
    </message>
    <message>
        <source>Connect to your team's evidence log on PostgreSQL and request approval for your identity; an admin of the team approves it.</source>
        <translation>Mit dem Nachweisprotokoll Ihres Teams auf PostgreSQL verbinden und die Freigabe Ihrer Identität beantragen; ein Admin des Teams gibt sie frei.</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Demo öffnen</translation>
    </message>
    <message>
        <source>A separate demo store (%1) with an unencrypted demo identity and the built-in demo config. Your own store is not touched.</source>
        <translation>Ein eigener Demo-Speicher (%1) mit einer unverschlüsselten Demo-Identität und der eingebauten Demo-Konfiguration. Ihr eigener Speicher bleibt unberührt.</translation>
    </message>
    <message>
        <source>Only in the dev environment: this console runs in %1.</source>
        <translation>Nur in der Umgebung dev: diese Konsole läuft in %1.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Leave without creating anything</source>
        <translation>Beenden, ohne etwas anzulegen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a local store&lt;/b&gt;&lt;br&gt;This creates the evidence store &lt;tt&gt;%1&lt;/tt&gt; (readable by you only) and your identity, the store's first admin, with an Ed25519 signing key in &lt;tt&gt;%2&lt;/tt&gt;. The passphrase encrypts the key; it is never stored.</source>
        <translation>&lt;b&gt;Lokalen Speicher anlegen&lt;/b&gt;&lt;br&gt;Angelegt werden der Nachweisspeicher &lt;tt&gt;%1&lt;/tt&gt; (nur für Sie lesbar) und Ihre Identität, der erste Admin des Speichers, mit einem Ed25519-Signaturschlüssel in &lt;tt&gt;%2&lt;/tt&gt;. Die Passphrase verschlüsselt den Schlüssel; sie wird nie gespeichert.</translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation>z. B. alice</translation>
    </message>
    <message>
        <source>Your identity:</source>
        <translation>Ihre Identität:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Passphrase:</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>Passphrase wiederholen:</translation>
    </message>
    <message>
        <source>Admin is added to your roles: the first identity approves the others. Keep a copy of the key file and the passphrase apart.</source>
        <translation>Admin wird Ihren Rollen hinzugefügt: die erste Identität gibt die anderen frei. Bewahren Sie eine Kopie der Schlüsseldatei getrennt von der Passphrase auf.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Create store and identity</source>
        <translation>Speicher und Identität anlegen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Join a team log&lt;/b&gt;&lt;br&gt;The console connects to the team's evidence log and records a request for your identity, signed by its new key (kept in &lt;tt&gt;%1&lt;/tt&gt;). You can act once an admin of the team approves it. The URL is remembered for the next start; outside dev it must use &lt;tt&gt;sslmode=verify-full&lt;/tt&gt;.</source>
        <translation>&lt;b&gt;Einem Team-Protokoll beitreten&lt;/b&gt;&lt;br&gt;Die Konsole verbindet sich mit dem Nachweisprotokoll des Teams und hält einen Antrag für Ihre Identität fest, signiert mit deren neuem Schlüssel (in &lt;tt&gt;%1&lt;/tt&gt;). Handeln können Sie, sobald ein Admin des Teams ihn freigibt. Die URL wird für den nächsten Start gemerkt; außerhalb von dev muss sie &lt;tt&gt;sslmode=verify-full&lt;/tt&gt; verwenden.</translation>
    </message>
    <message>
        <source>Team log URL:</source>
        <translation>URL des Team-Protokolls:</translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation>Freigabe beantragen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Open the console</source>
        <translation>Konsole öffnen</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Die beiden Passphrasen unterscheiden sich.</translation>
    </message>
    <message>
        <source>A passphrase is required outside dev: the key must not lie on disk unencrypted.</source>
        <translation>Außerhalb von dev ist eine Passphrase nötig: der Schlüssel darf nicht unverschlüsselt auf der Platte liegen.</translation>
    </message>
    <message>
        <source>Use a passphrase of at least 8 characters.</source>
        <translation>Verwenden Sie eine Passphrase mit mindestens 8 Zeichen.</translation>
    </message>
    <message>
        <source>Created the store and your identity %1.</source>
        <translation>Speicher und Ihre Identität %1 sind angelegt.</translation>
    </message>
    <message>
        <source>Store: %1
Key: %2 (%3)
Roles: %4

Pin this admin key in the deployment config: outside dev the console refuses to start without it. Paste these lines into config.yaml:</source>
        <translation>Speicher: %1
Schlüssel: %2 (%3)
Rollen: %4

Hinterlegen Sie diesen Admin-Schlüssel in der Deployment-Konfiguration: außerhalb von dev startet die Konsole sonst nicht. Fügen Sie diese Zeilen in config.yaml ein:</translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation>verschlüsselt</translation>
    </message>
    <message>
        <source>unencrypted, dev only</source>
        <translation>unverschlüsselt, nur dev</translation>
    </message>
    <message>
        <source>The team log is a postgresql:// URL.</source>
        <translation>Das Team-Protokoll ist eine postgresql://-URL.</translation>
    </message>
    <message>
        <source>Choose the roles to request.</source>
        <translation>Wählen Sie die zu beantragenden Rollen.</translation>
    </message>
    <message>
        <source>Cannot reach the team log %1: %2</source>
        <translation>Team-Protokoll %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Requested approval for %1 on the team log.</source>
        <translation>Freigabe für %1 im Team-Protokoll beantragt.</translation>
    </message>
    <message>
        <source>Team log: %1
Key: %2
Roles requested: %3

An admin approves it in the console or with the command below; until then you can read the log but not act.</source>
        <translation>Team-Protokoll: %1
Schlüssel: %2
Beantragte Rollen: %3

Ein Admin gibt sie in der Konsole oder mit dem Befehl unten frei; bis dahin können Sie das Protokoll lesen, aber nicht handeln.</translation>
    </message>
    <message>
        <source>There is no evidence store on this machine yet. Every action in the console is recorded as signed evidence, so it starts with a store and an identity that signs. Choose how to begin:</source>
        <translation>Auf diesem Rechner gibt es noch keinen Nachweisspeicher. Jede Aktion in der Konsole wird als signierter Nachweis festgehalten; sie beginnt deshalb mit einem Speicher und einer Identität, die signiert. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <source>A new evidence log at %1, and your first identity: its admin, with a signing key kept in %2 and protected by a passphrase.</source>
        <translation>Ein neues Nachweisprotokoll in %1 und Ihre erste Identität: dessen Admin, mit einem Signaturschlüssel in %2, geschützt durch eine Passphrase.</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Rollen:</translation>
    </message>
    <message>
        <source>The identity needs a name of letters, digits, '.', '_', '@' or '-' that starts with a letter or digit (at most 64 characters, no spaces).</source>
        <translation>Die Identität braucht einen Namen aus Buchstaben, Ziffern, „.“, „_“, „@“ oder „-“, der mit einem Buchstaben oder einer Ziffer beginnt (höchstens 64 Zeichen, keine Leerzeichen).</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the keychain</source>
        <translation>Passphrase im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Kept by the desktop's keychain, which unlocks with your session: signing in is then one click. Leave it off on a shared account.</source>
        <translation>Vom Schlüsselbund des Desktops verwahrt, der sich mit Ihrer Sitzung entsperrt: Anmelden ist dann ein Klick. Auf einem geteilten Konto ausgeschaltet lassen.</translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation>Der Schlüsselbund hat die Passphrase nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ops::ui::HandoffView</name>
    <message>
        <source>Handoff checklist</source>
        <translation>Übergabe-Checkliste</translation>
    </message>
    <message>
        <source>Charter values</source>
        <translation>Charter-Werte</translation>
    </message>
    <message>
        <source>Charter value</source>
        <translation>Charter-Wert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Eligible for S03 lock</source>
        <translation>Für S03-Sperre geeignet</translation>
    </message>
    <message>
        <source>Eligible for S03 lock (Tier A/B, signed)</source>
        <translation>Für S03-Sperre geeignet (Stufe A/B, signiert)</translation>
    </message>
    <message>
        <source>Blocking S03</source>
        <translation>Blockiert S03</translation>
    </message>
    <message>
        <source>Blocking S03 (Tier C, INFEASIBLE, unsigned)</source>
        <translation>Blockiert S03 (Stufe C, INFEASIBLE, unsigniert)</translation>
    </message>
    <message>
        <source>Required charter values, comma-separated</source>
        <translation>Benötigte Charter-Werte, durch Komma getrennt</translation>
    </message>
    <message>
        <source>Required charter values</source>
        <translation>Benötigte Charter-Werte</translation>
    </message>
    <message>
        <source>Declare charter</source>
        <translation>Charter festlegen</translation>
    </message>
    <message>
        <source>Unresolved threats to validity, one a line (empty: none)</source>
        <translation>Offene Gefährdungen der Gültigkeit, eine pro Zeile (leer: keine)</translation>
    </message>
    <message>
        <source>Threats to validity</source>
        <translation>Gefährdungen der Gültigkeit</translation>
    </message>
    <message>
        <source>Record threats</source>
        <translation>Gefährdungen erfassen</translation>
    </message>
    <message>
        <source>Attest: no forbidden run</source>
        <translation>Bestätigen: kein verbotener Lauf</translation>
    </message>
    <message>
        <source>The analyst confirms no training, Airflow, cluster, Phase-2 run, model or threshold selection occurred (§12)</source>
        <translation>Der Analyst bestätigt, dass kein Training, kein Airflow-, Cluster- oder Phase-2-Lauf und keine Modell- oder Schwellenwahl stattfand (§12)</translation>
    </message>
    <message>
        <source>S03 locker (identity)</source>
        <translation>S03-Sperrer (Identität)</translation>
    </message>
    <message>
        <source>S03 locker</source>
        <translation>S03-Sperrer</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Export although incomplete; the package says DRAFT</source>
        <translation>Trotz Unvollständigkeit exportieren; das Paket sagt ENTWURF</translation>
    </message>
    <message>
        <source>Export package…</source>
        <translation>Paket exportieren…</translation>
    </message>
    <message>
        <source>Export the S03 handoff package</source>
        <translation>Das S03-Übergabepaket exportieren</translation>
    </message>
    <message>
        <source>Handoff package (*.tar.zst)</source>
        <translation>Übergabepaket (*.tar.zst)</translation>
    </message>
    <message>
        <source>HANDOFF COMPLETE</source>
        <translation>ÜBERGABE VOLLSTÄNDIG</translation>
    </message>
    <message>
        <source>HANDOFF INCOMPLETE</source>
        <translation>ÜBERGABE UNVOLLSTÄNDIG</translation>
    </message>
    <message>
        <source>A signed .tar.zst with its manifest and HANDOFF.md</source>
        <translation>Ein signiertes .tar.zst mit Manifest und HANDOFF.md</translation>
    </message>
</context>
<context>
    <name>ops::ui::HandoverDialog</name>
    <message>
        <source>Shift handover</source>
        <translation>Schichtübergabe</translation>
    </message>
    <message>
        <source>whoever takes the shift</source>
        <translation>wer die Schicht übernimmt</translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation>Übergeben an</translation>
    </message>
    <message>
        <source>The brief as it will be signed</source>
        <translation>Die Übergabe, wie sie signiert wird</translation>
    </message>
    <message>
        <source>Sign and hand over</source>
        <translation>Signieren und übergeben</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Als PDF speichern…</translation>
    </message>
    <message>
        <source>Save the handover</source>
        <translation>Übergabe speichern</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Acknowledge the handover to me</source>
        <translation>Übergabe an mich bestätigen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation>Kein Nachweisspeicher.</translation>
    </message>
    <message>
        <source>(sign in to hand over)</source>
        <translation>(zum Übergeben anmelden)</translation>
    </message>
    <message>
        <source>Sign in first: a handover is signed by who gives it and who takes it.</source>
        <translation>Zuerst anmelden: eine Übergabe signieren, wer sie gibt und wer sie nimmt.</translation>
    </message>
    <message>
        <source>Handed over (%1 items), signed by %2 as event %3; the incoming operator acknowledges it here or with `handover ack %3`.</source>
        <translation>Übergeben (%1 Punkte), signiert von %2 als Ereignis %3; die übernehmende Person bestätigt hier oder mit `handover ack %3`.</translation>
    </message>
    <message>
        <source>Acknowledged the handover of %1 (event %2), recorded as event %3.</source>
        <translation>Übergabe von %1 bestätigt (Ereignis %2), aufgezeichnet als Ereignis %3.</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Gespeichert unter %1</translation>
    </message>
</context>
<context>
    <name>ops::ui::IncidentDetailView</name>
    <message>
        <source>Start rollback for this incident</source>
        <translation>Rollback für diesen Vorfall starten</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation>&amp;Zeitleiste</translation>
    </message>
    <message>
        <source>Record evidence</source>
        <translation>Nachweis erfassen</translation>
    </message>
    <message>
        <source>The core evidence record: fields marked * are required.</source>
        <translation>Der Kern-Nachweis: mit * markierte Felder sind Pflicht.</translation>
    </message>
    <message>
        <source>&amp;Evidence record</source>
        <translation>&amp;Nachweis</translation>
    </message>
    <message>
        <source>A decision: contain vs repair, what is held, who does what</source>
        <translation>Eine Entscheidung: eindämmen oder reparieren, was angehalten wird, wer was tut</translation>
    </message>
    <message>
        <source>Log decision</source>
        <translation>Entscheidung protokollieren</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Grund (Pflicht)</translation>
    </message>
    <message>
        <source>Change severity</source>
        <translation>Schweregrad ändern</translation>
    </message>
    <message>
        <source>The closure condition holds</source>
        <translation>Die Abschlussbedingung ist erfüllt</translation>
    </message>
    <message>
        <source>How it holds, in words</source>
        <translation>Wie sie erfüllt ist, in Worten</translation>
    </message>
    <message>
        <source>Verification result (default: the latest record's)</source>
        <translation>Prüfergebnis (Standard: das des letzten Nachweises)</translation>
    </message>
    <message>
        <source>Close incident…</source>
        <translation>Vorfall schließen…</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Closure</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>&amp;Decisions &amp;&amp; closure</source>
        <translation>&amp;Entscheidungen &amp;&amp; Abschluss</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>The postmortem: timeline, decisions, rollback against its objective, and proofs to check it offline</source>
        <translation>Das Postmortem: Zeitleiste, Entscheidungen, Rollback gegen das Ziel und Beweise zur Offline-Prüfung</translation>
    </message>
    <message>
        <source>Export the postmortem of %1</source>
        <translation>Postmortem von %1 exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Markdown (*.md);;HTML (*.html)</source>
        <translation>PDF (*.pdf);;Markdown (*.md);;HTML (*.html)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1 · %2 · %3 on %4&lt;/h2&gt;&lt;b&gt;%5&lt;/b&gt; — %6&lt;br&gt;Trigger: %7&lt;br&gt;Opened %8 by %9 · owner %10</source>
        <translation>&lt;h2&gt;%1 · %2 · %3 auf %4&lt;/h2&gt;&lt;b&gt;%5&lt;/b&gt; — %6&lt;br&gt;Auslöser: %7&lt;br&gt;Eröffnet %8 von %9 · Verantwortlich %10</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>geschlossen</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation>nicht zugewiesen</translation>
    </message>
    <message>
        <source>%1 %2 (%3/%4%5)</source>
        <translation>%1 %2 (%3/%4%5)</translation>
    </message>
    <message>
        <source>, finished</source>
        <translation>, abgeschlossen</translation>
    </message>
    <message>
        <source>&lt;br&gt;Runs: %1</source>
        <translation>&lt;br&gt;Läufe: %1</translation>
    </message>
    <message>
        <source>Start runbook: %1</source>
        <translation>Runbook starten: %1</translation>
    </message>
    <message>
        <source>%1 is already rolling back %2</source>
        <translation>%1 setzt %2 bereits zurück</translation>
    </message>
    <message>
        <source>No decision logged yet</source>
        <translation>Noch keine Entscheidung protokolliert</translation>
    </message>
    <message>
        <source>&lt;b&gt;Closure condition:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Abschlussbedingung:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Closed&lt;/b&gt; %1 by %2: %3 (verification: %4)</source>
        <translation>&lt;br&gt;&lt;b&gt;Geschlossen&lt;/b&gt; %1 von %2: %3 (Prüfung: %4)</translation>
    </message>
    <message>
        <source>Not recorded — missing: %1</source>
        <translation>Nicht erfasst — es fehlt: %1</translation>
    </message>
    <message>
        <source>Core evidence record added to %1</source>
        <translation>Kern-Nachweis zu %1 hinzugefügt</translation>
    </message>
    <message>
        <source>Decision logged on %1</source>
        <translation>Entscheidung zu %1 protokolliert</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 ist jetzt %2</translation>
    </message>
    <message>
        <source>Confirm that the closure condition holds first.</source>
        <translation>Zuerst bestätigen, dass die Abschlussbedingung erfüllt ist.</translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation>Vorfall schließen</translation>
    </message>
    <message>
        <source>Close %1? A closed incident cannot be reopened.</source>
        <translation>%1 schließen? Ein geschlossener Vorfall kann nicht wieder geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 closed</source>
        <translation>%1 geschlossen</translation>
    </message>
    <message>
        <source>Filter the timeline (who, what, event)…</source>
        <translation>Zeitleiste filtern (wer, was, Ereignis)…</translation>
    </message>
    <message>
        <source>Filter the timeline</source>
        <translation>Zeitleiste filtern</translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation>Entscheidungsprotokoll</translation>
    </message>
</context>
<context>
    <name>ops::ui::IncidentsPanel</name>
    <message>
        <source>Incidents &amp; Rollback</source>
        <translation>Vorfälle &amp; Rollback</translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation>Vorfall eröffnen…</translation>
    </message>
    <message>
        <source>Open an incident by hand (Ctrl+I); from the Alerts panel it comes prefilled</source>
        <translation>Einen Vorfall von Hand eröffnen (Strg+I); aus dem Alarmbereich kommt er vorausgefüllt</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Vorfälle</translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation>Geschlossene zeigen</translation>
    </message>
    <message>
        <source>Runbook and rollback runs</source>
        <translation>Runbook- und Rollback-Läufe</translation>
    </message>
    <message>
        <source>Drill</source>
        <translation>Übung</translation>
    </message>
    <message>
        <source>A drill runs the same checklist; a finished drill is what proves the objective</source>
        <translation>Eine Übung durchläuft dieselbe Checkliste; erst eine abgeschlossene Übung belegt das Ziel</translation>
    </message>
    <message>
        <source>Start rollback</source>
        <translation>Rollback starten</translation>
    </message>
    <message>
        <source>Rollback (restore %1 min, integrity %2 min)</source>
        <translation>Rollback (Wiederherstellung %1 min, Integrität %2 min)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Incidents&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vorfälle&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt; — checklists and rollbacks</source>
        <translation>&lt;b&gt;Läufe&lt;/b&gt; — Checklisten und Rollbacks</translation>
    </message>
    <message>
        <source>Select an incident or a run, or open an incident from a firing alert.</source>
        <translation>Einen Vorfall oder Lauf wählen oder einen Vorfall aus einem auslösenden Alarm eröffnen.</translation>
    </message>
    <message>
        <source>No evidence store: incidents cannot be read or recorded.</source>
        <translation>Kein Nachweisspeicher: Vorfälle können weder gelesen noch erfasst werden.</translation>
    </message>
    <message>
        <source>Cannot read incidents: %1</source>
        <translation>Vorfälle nicht lesbar: %1</translation>
    </message>
    <message>
        <source> (drill)</source>
        <translation> (Übung)</translation>
    </message>
    <message>
        <source>No run in progress</source>
        <translation>Kein Lauf im Gange</translation>
    </message>
    <message>
        <source>%1 missed its %2 deadline: recorded on the timeline</source>
        <translation>%1 hat die Frist %2 verpasst: auf der Zeitleiste aufgezeichnet</translation>
    </message>
    <message>
        <source>%1 %2: %3 deadline missed by %4</source>
        <translation>%1 %2: Frist %3 um %4 verpasst</translation>
    </message>
    <message>
        <source>%1 %2: %3 %4 left</source>
        <translation>%1 %2: %3 noch %4</translation>
    </message>
    <message>
        <source>Sign in first: every intervention is signed evidence.</source>
        <translation>Zuerst anmelden: jeder Eingriff ist signierter Nachweis.</translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation>Kein Nachweisspeicher.</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 eröffnet</translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation>%1 gestartet</translation>
    </message>
    <message>
        <source>Start a rollback drill</source>
        <translation>Eine Rollback-Übung starten</translation>
    </message>
    <message>
        <source>Start a rollback</source>
        <translation>Ein Rollback starten</translation>
    </message>
    <message>
        <source>Start %1 on %2 now? The clocks start at once: restore within %3 min, integrity within %4 min.</source>
        <translation>%1 auf %2 jetzt starten? Die Uhren laufen sofort: Wiederherstellung binnen %3 min, Integrität binnen %4 min.</translation>
    </message>
    <message>
        <source>a rollback drill</source>
        <translation>eine Rollback-Übung</translation>
    </message>
    <message>
        <source>a rollback</source>
        <translation>ein Rollback</translation>
    </message>
    <message>
        <source>Started %1 on %2</source>
        <translation>%1 auf %2 gestartet</translation>
    </message>
    <message>
        <source>A missed deadline could not be recorded: %1</source>
        <translation>Eine verpasste Frist ließ sich nicht aufzeichnen: %1</translation>
    </message>
    <message>
        <source>Sign in first: generating a report is recorded.</source>
        <translation>Zuerst anmelden: das Erstellen eines Berichts wird aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1postmortem of %2 written to %3 (event %4)</source>
        <translation>%1Postmortem von %2 nach %3 geschrieben (Ereignis %4)</translation>
    </message>
    <message>
        <source>DRAFT </source>
        <translation>ENTWURF </translation>
    </message>
    <message>
        <source>Filter incidents (id, class, scope, owner)…</source>
        <translation>Vorfälle filtern (ID, Klasse, Bereich, Verantwortlich)…</translation>
    </message>
    <message>
        <source>Filter incidents</source>
        <translation>Vorfälle filtern</translation>
    </message>
    <message>
        <source>Show finished</source>
        <translation>Abgeschlossene zeigen</translation>
    </message>
    <message>
        <source>List finished checklists and rollbacks too, to read their record</source>
        <translation>Auch abgeschlossene Checklisten und Rollbacks auflisten, um ihre Aufzeichnung zu lesen</translation>
    </message>
    <message>
        <source> · finished</source>
        <translation> · abgeschlossen</translation>
    </message>
</context>
<context>
    <name>ops::ui::KillSwitchBox</name>
    <message>
        <source>Kill switches</source>
        <translation>Notschalter</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>Grund (Pflicht)</translation>
    </message>
    <message>
        <source>Validation localities, e.g. kl,pg (probed)</source>
        <translation>Validierungsorte, z. B. kl,pg (werden geprüft)</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Validate</source>
        <translation>Validieren</translation>
    </message>
    <message>
        <source>%1 on %2 since %3</source>
        <translation>%1 auf %2 seit %3</translation>
    </message>
    <message>
        <source>No kill switch is active.</source>
        <translation>Kein Notschalter ist aktiv.</translation>
    </message>
    <message>
        <source>AI lane</source>
        <translation>KI-Spur</translation>
    </message>
    <message>
        <source>Bad pack</source>
        <translation>Fehlerhaftes Paket</translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation>%1 deaktivieren</translation>
    </message>
    <message>
        <source>Active on %1 since %2 by %3: %4</source>
        <translation>Aktiv auf %1 seit %2 durch %3: %4</translation>
    </message>
    <message>
        <source>Activate %1</source>
        <translation>%1 aktivieren</translation>
    </message>
    <message>
        <source>Last deactivated %1 by %2</source>
        <translation>Zuletzt deaktiviert %1 durch %2</translation>
    </message>
    <message>
        <source>Never used on %1</source>
        <translation>Auf %1 nie benutzt</translation>
    </message>
    <message>
        <source>A kill switch needs its reason.</source>
        <translation>Ein Notschalter braucht seine Begründung.</translation>
    </message>
    <message>
        <source>Activate kill switch</source>
        <translation>Notschalter aktivieren</translation>
    </message>
    <message>
        <source>Deactivate kill switch</source>
        <translation>Notschalter deaktivieren</translation>
    </message>
    <message>
        <source>%1 the %2 kill switch on %3?</source>
        <translation>Den Notschalter %2 auf %3: %1?</translation>
    </message>
    <message>
        <source>Activate</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>Validation locality '%1' is not a scope of the configuration.</source>
        <translation>Validierungsort '%1' ist kein Bereich der Konfiguration.</translation>
    </message>
    <message>
        <source>%1 kill switch %2 on %3 (event %4, signed by %5)</source>
        <translation>Notschalter %1 auf %3 %2 (Ereignis %4, signiert von %5)</translation>
    </message>
    <message>
        <source>activated</source>
        <translation>aktiviert</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>deaktiviert</translation>
    </message>
    <message>
        <source>Validating on %1…</source>
        <translation>Validiere auf %1…</translation>
    </message>
    <message>
        <source>&lt;b style='color:%1'&gt;Active:&lt;/b&gt; %2</source>
        <translation>&lt;b style='color:%1'&gt;Aktiv:&lt;/b&gt; %2</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchBackgroundAct</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Progress of the running check</source>
        <translation>Fortschritt der laufenden Prüfung</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchBanner</name>
    <message>
        <source>%1 recorded by %2 at %3</source>
        <translation>%1 erfasst von %2 um %3</translation>
    </message>
    <message>
        <source>The evidence now says %1: %2</source>
        <translation>Die Nachweise sagen jetzt %1: %2</translation>
    </message>
    <message>
        <source>GO — every check holds, three sign-offs verify, no no-go rule holds</source>
        <translation>GO — jede Prüfung erfüllt, drei Freigaben gültig, keine No-Go-Regel greift</translation>
    </message>
    <message>
        <source>no launch started</source>
        <translation>kein Start begonnen</translation>
    </message>
    <message>
        <source>%1 of %2 checks hold</source>
        <translation>%1 von %2 Prüfungen erfüllt</translation>
    </message>
    <message>
        <source>%1 of 3 sign-offs valid</source>
        <translation>%1 von 3 Freigaben gültig</translation>
    </message>
    <message>
        <source>1 no-go rule holds</source>
        <translation>1 No-Go-Regel greift</translation>
    </message>
    <message>
        <source>%1 no-go rules hold</source>
        <translation>%1 No-Go-Regeln greifen</translation>
    </message>
    <message>
        <source>NO-GO — %1</source>
        <translation>NO-GO — %1</translation>
    </message>
    <message>
        <source>Rehearsal: the %1 environment, not prod</source>
        <translation>Probe: Umgebung %1, nicht prod</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchChecklistModel</name>
    <message>
        <source>not recorded yet</source>
        <translation>noch nicht erfasst</translation>
    </message>
    <message>
        <source>stale</source>
        <translation>veraltet</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchChecklistView</name>
    <message>
        <source>Checklist</source>
        <translation>Checkliste</translation>
    </message>
    <message>
        <source>Run check</source>
        <translation>Prüfung ausführen</translation>
    </message>
    <message>
        <source>%v of %m checks hold</source>
        <translation>%v von %m Prüfungen erfüllt</translation>
    </message>
    <message>
        <source>Launch-day checklist</source>
        <translation>Checkliste des Starttags</translation>
    </message>
    <message>
        <source>Evidence of the selected check</source>
        <translation>Nachweis der gewählten Prüfung</translation>
    </message>
    <message>
        <source>Note: what was observed (the publish job, the version)</source>
        <translation>Notiz: was beobachtet wurde (Veröffentlichungsjob, Version)</translation>
    </message>
    <message>
        <source>Note for the check</source>
        <translation>Notiz zur Prüfung</translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation>Noch nicht erfasst.</translation>
    </message>
    <message>
        <source>%1 by %2 at %3 (event %4)%5

</source>
        <translation>%1 von %2 um %3 (Ereignis %4)%5

</translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation>Jetzt prüfen</translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation>Momentaufnahme erstellen</translation>
    </message>
    <message>
        <source>Checksum files…</source>
        <translation>Prüfsummen bilden…</translation>
    </message>
    <message>
        <source>Archive evidence…</source>
        <translation>Nachweise archivieren…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Bestätigen</translation>
    </message>
    <message>
        <source>Confirm by hand</source>
        <translation>Von Hand bestätigen</translation>
    </message>
    <message>
        <source>Checks shown</source>
        <translation>Angezeigte Prüfungen</translation>
    </message>
    <message>
        <source>All checks</source>
        <translation>Alle Prüfungen</translation>
    </message>
    <message>
        <source>Not holding yet</source>
        <translation>Noch nicht erfüllt</translation>
    </message>
    <message>
        <source>Failed or stale</source>
        <translation>Fehlgeschlagen oder veraltet</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchDecisionView</name>
    <message>
        <source>No-go rules</source>
        <translation>No-Go-Regeln</translation>
    </message>
    <message>
        <source>Go and clear it</source>
        <translation>Öffnen und beheben</translation>
    </message>
    <message>
        <source>Sign-offs</source>
        <translation>Freigaben</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>Als %1 freigeben</translation>
    </message>
    <message>
        <source>Record NO-GO…</source>
        <translation>NO-GO erfassen…</translation>
    </message>
    <message>
        <source>Record GO</source>
        <translation>GO erfassen</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>nicht freigegeben</translation>
    </message>
    <message>
        <source>✔ %1 · %2 · verifies</source>
        <translation>✔ %1 · %2 · gültig</translation>
    </message>
    <message>
        <source>✘ %1 · %2</source>
        <translation>✘ %1 · %2</translation>
    </message>
    <message>
        <source>%1 at %2, key %3, record %4…%5</source>
        <translation>%1 um %2, Schlüssel %3, Protokoll %4…%5</translation>
    </message>
    <message>
        <source>No open launch to sign</source>
        <translation>Kein offener Start zum Freigeben</translation>
    </message>
    <message>
        <source>Sign in as an identity with the %1 role</source>
        <translation>Mit einer Identität mit der Rolle %1 anmelden</translation>
    </message>
    <message>
        <source>%1 does not hold the %2 role</source>
        <translation>%1 hat die Rolle %2 nicht</translation>
    </message>
    <message>
        <source>%1 signed as %2; one identity never signs two roles</source>
        <translation>%1 hat als %2 freigegeben; eine Identität gibt nie zwei Rollen frei</translation>
    </message>
    <message>
        <source>Every check must hold before anyone signs</source>
        <translation>Jede Prüfung muss erfüllt sein, bevor jemand freigibt</translation>
    </message>
    <message>
        <source>Signed and still valid</source>
        <translation>Freigegeben und weiterhin gültig</translation>
    </message>
    <message>
        <source>Sign the launch record %1… as %2</source>
        <translation>Startprotokoll %1… als %2 freigeben</translation>
    </message>
    <message>
        <source>No open launch</source>
        <translation>Kein offener Start</translation>
    </message>
    <message>
        <source>The evidence says NO-GO</source>
        <translation>Die Nachweise sagen NO-GO</translation>
    </message>
    <message>
        <source>Only a release owner decides</source>
        <translation>Nur ein Release-Verantwortlicher entscheidet</translation>
    </message>
    <message>
        <source>Record GO, signed by %1</source>
        <translation>GO erfassen, signiert von %1</translation>
    </message>
    <message>
        <source>End this launch attempt as NO-GO, with a note</source>
        <translation>Diesen Startversuch mit Notiz als NO-GO beenden</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchPanel</name>
    <message>
        <source>Launch</source>
        <translation>Launch</translation>
    </message>
    <message>
        <source>Scope to launch</source>
        <translation>Bereich für den Start</translation>
    </message>
    <message>
        <source>App build, e.g. 2026.11.23-rc1</source>
        <translation>App-Build, z. B. 2026.11.23-rc1</translation>
    </message>
    <message>
        <source>App build</source>
        <translation>App-Build</translation>
    </message>
    <message>
        <source>Start launch</source>
        <translation>Start beginnen</translation>
    </message>
    <message>
        <source>Export record…</source>
        <translation>Protokoll exportieren…</translation>
    </message>
    <message>
        <source>The launch record (JSON), the checksums file and every sign-off statement</source>
        <translation>Das Startprotokoll (JSON), die Prüfsummendatei und jede Freigabeerklärung</translation>
    </message>
    <message>
        <source>Export the launch record into</source>
        <translation>Startprotokoll exportieren nach</translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation>Als %1 freigeben</translation>
    </message>
    <message>
        <source>Record GO</source>
        <translation>GO erfassen</translation>
    </message>
    <message>
        <source>No evidence store: nothing can be validated</source>
        <translation>Kein Nachweisspeicher: nichts kann validiert werden</translation>
    </message>
    <message>
        <source>Cannot read the store: %1</source>
        <translation>Speicher nicht lesbar: %1</translation>
    </message>
    <message>
        <source>%1 · scope %2 · build %3 · started by %4 at %5%6</source>
        <translation>%1 · Bereich %2 · Build %3 · begonnen von %4 um %5%6</translation>
    </message>
    <message>
        <source> · decided</source>
        <translation> · entschieden</translation>
    </message>
    <message>
        <source>No launch yet: choose the scope and the app build, then start.</source>
        <translation>Noch kein Start: Bereich und App-Build wählen, dann beginnen.</translation>
    </message>
    <message>
        <source>No open launch</source>
        <translation>Kein offener Start</translation>
    </message>
    <message>
        <source>Checks are recorded by a release owner</source>
        <translation>Prüfungen erfasst ein Release-Verantwortlicher</translation>
    </message>
    <message>
        <source>Sign in first: every launch check is signed evidence.</source>
        <translation>Zuerst anmelden: jede Startprüfung ist signierter Nachweis.</translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation>Kein Nachweisspeicher.</translation>
    </message>
    <message>
        <source>%1 failed: %2 (event %3)</source>
        <translation>%1 fehlgeschlagen: %2 (Ereignis %3)</translation>
    </message>
    <message>
        <source>Launch started</source>
        <translation>Start begonnen</translation>
    </message>
    <message>
        <source>Release build files to checksum</source>
        <translation>Dateien des Release-Builds für Prüfsummen</translation>
    </message>
    <message>
        <source>Archive the evidence as a signed bundle</source>
        <translation>Nachweise als signiertes Bündel archivieren</translation>
    </message>
    <message>
        <source>Evidence bundles (*.tar.zst)</source>
        <translation>Nachweisbündel (*.tar.zst)</translation>
    </message>
    <message>
        <source>Config snapshot verified</source>
        <translation>Konfigurationsaufnahme geprüft</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>%1 bestätigen</translation>
    </message>
    <message>
        <source>%1

Confirm that this holds, with the note as its evidence?</source>
        <translation>%1

Bestätigen, dass dies zutrifft, mit der Notiz als Nachweis?</translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation>%1 bestätigt</translation>
    </message>
    <message>
        <source>%1 needs a note on what was observed (the publish job and the version it published)</source>
        <translation>%1 braucht eine Notiz zur Beobachtung (Veröffentlichungsjob und veröffentlichte Version)</translation>
    </message>
    <message>
        <source>Probing for %1…</source>
        <translation>Prüfe für %1…</translation>
    </message>
    <message>
        <source>%1 probed: %2</source>
        <translation>%1 geprüft: %2</translation>
    </message>
    <message>
        <source>Evidence archived to %1</source>
        <translation>Nachweise archiviert nach %1</translation>
    </message>
    <message>
        <source>Launch record exported to %1: %2</source>
        <translation>Startprotokoll exportiert nach %1: %2</translation>
    </message>
    <message>
        <source>Sign launch %1 (scope %2, build %3) as %4?

Your signature covers the launch record %5…; any later change to the checklist invalidates it.</source>
        <translation>Start %1 (Bereich %2, Build %3) als %4 freigeben?

Ihre Signatur deckt das Startprotokoll %5… ab; jede spätere Änderung der Checkliste macht sie ungültig.</translation>
    </message>
    <message>
        <source>%1 sign-off recorded</source>
        <translation>Freigabe %1 erfasst</translation>
    </message>
    <message>
        <source>Record GO for %1 (build %2)? This ends the launch checklist.</source>
        <translation>GO für %1 (Build %2) erfassen? Das beendet die Launch-Checkliste.</translation>
    </message>
    <message>
        <source>Record NO-GO</source>
        <translation>NO-GO erfassen</translation>
    </message>
    <message>
        <source>Why this launch attempt ends as NO-GO:</source>
        <translation>Warum dieser Startversuch als NO-GO endet:</translation>
    </message>
    <message>
        <source>%1 recorded (event %2)</source>
        <translation>%1 erfasst (Ereignis %2)</translation>
    </message>
    <message>
        <source>Build checksums archived</source>
        <translation>Build-Prüfsummen archiviert</translation>
    </message>
    <message>
        <source>Archiving the evidence to %1…</source>
        <translation>Nachweise werden nach %1 archiviert…</translation>
    </message>
    <message>
        <source>Still busy with the last check.</source>
        <translation>Die letzte Prüfung läuft noch.</translation>
    </message>
    <message>
        <source>Cancelled: nothing was recorded.</source>
        <translation>Abgebrochen: nichts wurde aufgezeichnet.</translation>
    </message>
    <message>
        <source>Hashing %1 of build files…</source>
        <translation>Prüfsummen für %1 an Build-Dateien werden berechnet…</translation>
    </message>
    <message>
        <source>Hashing the build files…</source>
        <translation>Prüfsummen der Build-Dateien werden berechnet…</translation>
    </message>
    <message>
        <source>This check runs on a connection of its own, which needs the team log: it cannot be reached now.</source>
        <translation>Diese Prüfung läuft über eine eigene Verbindung und braucht dafür das Team-Log: Es ist gerade nicht erreichbar.</translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation>Wird geprüft…</translation>
    </message>
</context>
<context>
    <name>ops::ui::MainWindow</name>
    <message>
        <source>opsconsole</source>
        <translation>opsconsole</translation>
    </message>
    <message>
        <source>opsconsole main window</source>
        <translation>opsconsole-Hauptfenster</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>Gehe zu %1</translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation>Befehlspalette …</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About opsconsole</source>
        <translation>Ü&amp;ber opsconsole</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Probes: unknown (not probed)</source>
        <translation>Prüfungen: unbekannt (nicht geprüft)</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>set (redacted)</source>
        <translation>gesetzt (geschwärzt)</translation>
    </message>
    <message>
        <source>About opsconsole</source>
        <translation>Über opsconsole</translation>
    </message>
    <message>
        <source>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Operator console for running a content-publishing pipeline truthfully under failure.&lt;/p&gt;&lt;p&gt;Environment: &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Config: %3&lt;br&gt;Evidence store: %4&lt;br&gt;Operator token: %5&lt;/p&gt;</source>
        <translation>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Betriebskonsole, um eine Content-Publishing-Pipeline auch im Fehlerfall wahrheitsgetreu zu betreiben.&lt;/p&gt;&lt;p&gt;Umgebung: &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Konfiguration: %3&lt;br&gt;Nachweisspeicher: %4&lt;br&gt;Operator-Token: %5&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Locked after %1 s without input</source>
        <translation>Nach %1 s ohne Eingabe gesperrt</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>There is no evidence store to sign in to yet. Create one with:

opsconsole-cli init --identity NAME --roles operator</source>
        <translation>Es gibt noch keinen Nachweisspeicher zum Anmelden. Anlegen mit:

opsconsole-cli init --identity NAME --roles operator</translation>
    </message>
    <message>
        <source>Signed in as %1 · Lock</source>
        <translation>Angemeldet als %1 · Sperren</translation>
    </message>
    <message>
        <source>Lock the console (Ctrl+L): your key is dropped from memory</source>
        <translation>Konsole sperren (Strg+L): Ihr Schlüssel wird aus dem Speicher entfernt</translation>
    </message>
    <message>
        <source>Locked · Sign in…</source>
        <translation>Gesperrt · Anmelden…</translation>
    </message>
    <message>
        <source>Sign in to acknowledge alerts and record evidence (Ctrl+L)</source>
        <translation>Anmelden, um Alarme zu bestätigen und Nachweise aufzuzeichnen (Strg+L)</translation>
    </message>
    <message>
        <source>&amp;Sign in / lock</source>
        <translation>&amp;Anmelden / sperren</translation>
    </message>
    <message>
        <source>&amp;Verify a verdict offline…</source>
        <translation>Verdikt offline &amp;prüfen…</translation>
    </message>
    <message>
        <source>&amp;Keep monitoring when the window closes</source>
        <translation>&amp;Weiter überwachen, wenn das Fenster geschlossen wird</translation>
    </message>
    <message>
        <source>Closing the window hides it to the tray; probing, recording and notifications go on until Quit</source>
        <translation>Schließen verbirgt das Fenster im Infobereich; Prüfen, Aufzeichnen und Benachrichtigen laufen bis Beenden weiter</translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window stops monitoring (run opsconsole-cli monitor for a recorder without a window)</source>
        <translation>Dieser Desktop hat keinen Infobereich: Schließen des Fensters beendet die Überwachung (opsconsole-cli monitor zeichnet ohne Fenster auf)</translation>
    </message>
    <message>
        <source>&amp;Show opsconsole</source>
        <translation>opsconsole &amp;anzeigen</translation>
    </message>
    <message>
        <source>&amp;Probe now</source>
        <translation>Jetzt &amp;prüfen</translation>
    </message>
    <message>
        <source>opsconsole keeps monitoring</source>
        <translation>opsconsole überwacht weiter</translation>
    </message>
    <message>
        <source>Alerts are still probed, recorded and notified. Quit from the tray menu.</source>
        <translation>Alarme werden weiter geprüft, aufgezeichnet und gemeldet. Beenden über das Menü im Infobereich.</translation>
    </message>
    <message>
        <source>Shift &amp;handover…</source>
        <translation>Schicht&amp;übergabe…</translation>
    </message>
</context>
<context>
    <name>ops::ui::NoGoRuleModel</name>
    <message>
        <source>Looked at: %1</source>
        <translation>Geprüft: %1</translation>
    </message>
    <message>
        <source>To clear: %1</source>
        <translation>Zum Beheben: %1</translation>
    </message>
    <message>
        <source>Rollback objective proven by a drill</source>
        <translation>Rollback-Ziel durch eine Übung belegt</translation>
    </message>
    <message>
        <source>Kill switches defined and tested</source>
        <translation>Notschalter definiert und getestet</translation>
    </message>
    <message>
        <source>Stale-pack alerting on every supported scope</source>
        <translation>Warnung bei veralteten Paketen in jedem unterstützten Bereich</translation>
    </message>
    <message>
        <source>Publish failures routed to a visible alert</source>
        <translation>Veröffentlichungsfehler lösen eine sichtbare Warnung aus</translation>
    </message>
    <message>
        <source>No silence on a scope's stale-pack or resolver alert</source>
        <translation>Keine Stummschaltung der Stale-Pack- oder Resolver-Warnung eines Bereichs</translation>
    </message>
    <message>
        <source>Every critical scope validated by its last probe</source>
        <translation>Jeder kritische Bereich durch seine letzte Prüfung bestätigt</translation>
    </message>
</context>
<context>
    <name>ops::ui::OpenIncidentDialog</name>
    <message>
        <source>Open incident</source>
        <translation>Vorfall eröffnen</translation>
    </message>
    <message>
        <source>%1 (critical)</source>
        <translation>%1 (kritisch)</translation>
    </message>
    <message>
        <source>Why this severity, when it differs from the suggestion</source>
        <translation>Warum dieser Schweregrad, wenn er vom Vorschlag abweicht</translation>
    </message>
    <message>
        <source>The alert or observation that started this</source>
        <translation>Der Alarm oder die Beobachtung, die dies auslöste</translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation>&amp;Klasse</translation>
    </message>
    <message>
        <source>&amp;Scope</source>
        <translation>&amp;Bereich</translation>
    </message>
    <message>
        <source>Se&amp;verity</source>
        <translation>Sch&amp;weregrad</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation>&amp;Auslöser</translation>
    </message>
    <message>
        <source>Suggested by the severity model: %1</source>
        <translation>Vom Schweregradmodell vorgeschlagen: %1</translation>
    </message>
    <message>
        <source>Say what triggered it</source>
        <translation>Sagen, was es auslöste</translation>
    </message>
    <message>
        <source>A severity other than the suggestion needs a reason</source>
        <translation>Ein anderer Schweregrad als der vorgeschlagene braucht einen Grund</translation>
    </message>
</context>
<context>
    <name>ops::ui::ProbeStripModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 h / %2 h</source>
        <translation>%1 h / %2 h</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation>noch nicht geprüft</translation>
    </message>
    <message>
        <source>expected %1
actual   %2</source>
        <translation>erwartet %1
tatsächlich %2</translation>
    </message>
    <message>
        <source>sha256 %1… matches the manifest</source>
        <translation>sha256 %1… stimmt mit dem Manifest überein</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>Age / threshold</source>
        <translation>Alter / Grenze</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Geprüft</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>(not computed)</source>
        <translation>(nicht berechnet)</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>DEGRADED</source>
        <translation>GESTÖRT</translation>
    </message>
    <message>
        <source>STALE</source>
        <translation>VERALTET</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation>UNBEKANNT</translation>
    </message>
</context>
<context>
    <name>ops::ui::ProbeStripView</name>
    <message>
        <source>Probe targets</source>
        <translation>Prüfziele</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Copy target details and digests</source>
        <translation>Zieldetails und Prüfsummen kopieren</translation>
    </message>
</context>
<context>
    <name>ops::ui::ProofSectionModel</name>
    <message>
        <source>Section</source>
        <translation>Abschnitt</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Not run</source>
        <translation>Nicht ausgeführt</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Zeilen</translation>
    </message>
</context>
<context>
    <name>ops::ui::ProofsView</name>
    <message>
        <source>Import capture…</source>
        <translation>Mitschnitt importieren…</translation>
    </message>
    <message>
        <source>Summarize a test-output capture file (demo-output.txt, fi-traceability-output.txt, …)</source>
        <translation>Eine Testausgabe zusammenfassen (demo-output.txt, fi-traceability-output.txt, …)</translation>
    </message>
    <message>
        <source>Import a test-output capture</source>
        <translation>Eine Testausgabe importieren</translation>
    </message>
    <message>
        <source>Captures (*.txt *.log *.out);;All files (*)</source>
        <translation>Mitschnitte (*.txt *.log *.out);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>…or paste a capture here</source>
        <translation>…oder einen Mitschnitt hier einfügen</translation>
    </message>
    <message>
        <source>Pasted capture</source>
        <translation>Eingefügter Mitschnitt</translation>
    </message>
    <message>
        <source>Summarize pasted text</source>
        <translation>Eingefügten Text zusammenfassen</translation>
    </message>
    <message>
        <source>Recorded summaries</source>
        <translation>Aufgezeichnete Zusammenfassungen</translation>
    </message>
    <message>
        <source>Recorded proof summaries</source>
        <translation>Aufgezeichnete Nachweis-Zusammenfassungen</translation>
    </message>
    <message>
        <source>The capture of that summary is not in this store.</source>
        <translation>Der Mitschnitt dieser Zusammenfassung ist nicht in diesem Speicher.</translation>
    </message>
    <message>
        <source>No capture yet</source>
        <translation>Noch kein Mitschnitt</translation>
    </message>
    <message>
        <source>Failures by layer</source>
        <translation>Fehler nach Schicht</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>What the capture says</source>
        <translation>Was der Mitschnitt sagt</translation>
    </message>
    <message>
        <source>Debug action</source>
        <translation>Maßnahme</translation>
    </message>
    <message>
        <source>Record as evidence</source>
        <translation>Als Nachweis aufzeichnen</translation>
    </message>
    <message>
        <source>Not recorded yet: sign in, then Record as evidence.</source>
        <translation>Noch nicht aufgezeichnet: anmelden, dann Als Nachweis aufzeichnen.</translation>
    </message>
    <message>
        <source>Recorded as event %1, the capture attached (SHA-256 %2…).</source>
        <translation>Als Ereignis %1 aufgezeichnet, Mitschnitt angehängt (SHA-256 %2…).</translation>
    </message>
    <message>
        <source>INCOMPLETE — nothing proven</source>
        <translation>UNVOLLSTÄNDIG — nichts bewiesen</translation>
    </message>
    <message>
        <source>%1 passed · %2 failed · %3 not run · %4 skipped   (%5, %6 lines)</source>
        <translation>%1 bestanden · %2 fehlgeschlagen · %3 nicht ausgeführt · %4 übersprungen   (%5, %6 Zeilen)</translation>
    </message>
    <message>
        <source>%1 failure(s), %2 skip(s) or fallback(s)</source>
        <translation>%1 Fehler, %2 Übersprungene oder Ausweichläufe</translation>
    </message>
    <message>
        <source>No pattern matched</source>
        <translation>Kein Muster passt</translation>
    </message>
    <message>
        <source>Pattern %1</source>
        <translation>Muster %1</translation>
    </message>
    <message>
        <source>%1 more findings not listed</source>
        <translation>%1 weitere Befunde nicht aufgeführt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Line %1&lt;/b&gt; (%2): %3&lt;br&gt;&lt;b&gt;→ %4&lt;/b&gt;</source>
        <translation>&lt;b&gt;Zeile %1&lt;/b&gt; (%2): %3&lt;br&gt;&lt;b&gt;→ %4&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1  %2 · %3 passed, %4 failed · #%5</source>
        <translation>%1  %2 · %3 bestanden, %4 fehlgeschlagen · #%5</translation>
    </message>
    <message>
        <source>Sections of the capture</source>
        <translation>Abschnitte der Aufzeichnung</translation>
    </message>
</context>
<context>
    <name>ops::ui::RecordView</name>
    <message>
        <source>The record's fields</source>
        <translation>Die Felder des Datensatzes</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Validation rules</source>
        <translation>Prüfregeln</translation>
    </message>
    <message>
        <source>Changes against the superseded record</source>
        <translation>Änderungen gegenüber dem ersetzten Datensatz</translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation>Ersetzt</translation>
    </message>
    <message>
        <source>This record</source>
        <translation>Dieser Datensatz</translation>
    </message>
    <message>
        <source>The record's history</source>
        <translation>Verlauf des Datensatzes</translation>
    </message>
    <message>
        <source>&lt;b&gt;No record selected.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein Datensatz ausgewählt.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>typed INFEASIBLE (%1) — a successful outcome when signed; blocks %2</source>
        <translation>typisiertes INFEASIBLE (%1) — signiert ein erfolgreiches Ergebnis; blockiert %2</translation>
    </message>
    <message>
        <source>derivation of %1, tier %2, %3</source>
        <translation>Herleitung von %1, Stufe %2, %3</translation>
    </message>
    <message>
        <source>&lt;span style="color:%1"&gt;Eligible for S03 lock&lt;/span&gt;</source>
        <translation>&lt;span style="color:%1"&gt;Für S03-Sperre geeignet&lt;/span&gt;</translation>
    </message>
    <message>
        <source>S03: blocking — %1</source>
        <translation>S03: blockiert — %1</translation>
    </message>
    <message>
        <source>Re-derivation of %1 (%2): %3 field(s) changed</source>
        <translation>Neuherleitung von %1 (%2): %3 Feld(er) geändert</translation>
    </message>
    <message>
        <source>Superseded by %1</source>
        <translation>Ersetzt durch %1</translation>
    </message>
    <message>
        <source>%1 imported by %2 from %3 (event %4)</source>
        <translation>%1 importiert von %2 aus %3 (Ereignis %4)</translation>
    </message>
    <message>
        <source>%1 %2 by %3%4</source>
        <translation>%1 %2 von %3%4</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>angenommen</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>abgelehnt</translation>
    </message>
    <message>
        <source>%1 risk-owner note by %2: %3</source>
        <translation>%1 Risikonotiz von %2: %3</translation>
    </message>
    <message>
        <source>%1 signed by %2 — the signature verifies</source>
        <translation>%1 signiert von %2 — die Signatur ist gültig</translation>
    </message>
    <message>
        <source>%1 signed by %2 — THE SIGNATURE DOES NOT VERIFY</source>
        <translation>%1 signiert von %2 — DIE SIGNATUR IST UNGÜLTIG</translation>
    </message>
    <message>
        <source>Key %1; statement %2</source>
        <translation>Schlüssel %1; Aussage %2</translation>
    </message>
    <message>
        <source>%1 %2 by %3: %4</source>
        <translation>%1 %2 von %3: %4</translation>
    </message>
    <message>
        <source>Handed to S03 before it ended: notify S03 (§10)</source>
        <translation>Vor dem Ende an S03 übergeben: S03 benachrichtigen (§10)</translation>
    </message>
</context>
<context>
    <name>ops::ui::RunChecklistView</name>
    <message>
        <source>Note for the step — or the reason when it failed or is skipped</source>
        <translation>Notiz zum Schritt — oder der Grund, wenn er fehlschlug oder übersprungen wird</translation>
    </message>
    <message>
        <source>I confirm the action was done</source>
        <translation>Ich bestätige, dass die Aktion ausgeführt wurde</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Datei anhängen…</translation>
    </message>
    <message>
        <source>Attach a file to the step</source>
        <translation>Eine Datei an den Schritt anhängen</translation>
    </message>
    <message>
        <source>Checksum file…</source>
        <translation>Prüfsummendatei…</translation>
    </message>
    <message>
        <source>File whose SHA-256 is the step's checksum</source>
        <translation>Datei, deren SHA-256 die Prüfsumme des Schritts ist</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Als erledigt markieren</translation>
    </message>
    <message>
        <source>Mark failed</source>
        <translation>Als fehlgeschlagen markieren</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Überspringen</translation>
    </message>
    <message>
        <source>Rebind via publisher…</source>
        <translation>Über den Publisher neu binden…</translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1 · %2%3&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;%1 · %2%3&lt;/h2&gt;</translation>
    </message>
    <message>
        <source> (drill)</source>
        <translation> (Übung)</translation>
    </message>
    <message>
        <source>Scope %1 · started %2 by %3</source>
        <translation>Bereich %1 · gestartet %2 von %3</translation>
    </message>
    <message>
        <source> · for %1</source>
        <translation> · für %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Closure condition:&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Abschlussbedingung:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style='color:%1'&gt;Finished: objective met&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style='color:%1'&gt;Abgeschlossen: Ziel erreicht&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style='color:%1'&gt;Finished: objective NOT met&lt;/b&gt;</source>
        <translation>&lt;br&gt;&lt;b style='color:%1'&gt;Abgeschlossen: Ziel NICHT erreicht&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Finished&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Abgeschlossen&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Safe manifest restored</source>
        <translation>Sicheres Manifest wiederhergestellt</translation>
    </message>
    <message>
        <source>Integrity confirmed</source>
        <translation>Integrität bestätigt</translation>
    </message>
    <message>
        <source>met at %1, %2 to spare</source>
        <translation>erreicht um %1, %2 Reserve</translation>
    </message>
    <message>
        <source>met late at %1, %2 over</source>
        <translation>verspätet erreicht um %1, %2 darüber</translation>
    </message>
    <message>
        <source>MISSED — deadline %1</source>
        <translation>VERPASST — Frist %1</translation>
    </message>
    <message>
        <source>left, deadline %1</source>
        <translation>verbleibend, Frist %1</translation>
    </message>
    <message>
        <source>The runbook does not allow skipping this step</source>
        <translation>Das Runbook erlaubt nicht, diesen Schritt zu überspringen</translation>
    </message>
    <message>
        <source>POST %1</source>
        <translation>POST %1</translation>
    </message>
    <message>
        <source>No publisher.rebind URL in the configuration</source>
        <translation>Keine publisher.rebind-URL in der Konfiguration</translation>
    </message>
    <message>
        <source>Probe and mark done</source>
        <translation>Prüfen und als erledigt markieren</translation>
    </message>
    <message>
        <source>attach %1</source>
        <translation>%1 anhängen</translation>
    </message>
    <message>
        <source>checksum %1 %2…</source>
        <translation>Prüfsumme %1 %2…</translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation>Erfasst: %1</translation>
    </message>
    <message>
        <source>Probing %1 for step %2…</source>
        <translation>Prüfe %1 für Schritt %2…</translation>
    </message>
    <message>
        <source>the services</source>
        <translation>die Dienste</translation>
    </message>
    <message>
        <source>Rebind the active manifest</source>
        <translation>Aktives Manifest neu binden</translation>
    </message>
    <message>
        <source>Rebind the active manifest of %1 to its last known good pack?

The publisher API at %2 is called now; its response is kept as evidence and the manifest and pack are read back.</source>
        <translation>Das aktive Manifest von %1 an das letzte bekannt gute Paket binden?

Die Publisher-API unter %2 wird jetzt aufgerufen; ihre Antwort wird als Nachweis aufbewahrt, Manifest und Paket werden zurückgelesen.</translation>
    </message>
    <message>
        <source>Rebind done (audit %1); readback: %2</source>
        <translation>Neu gebunden (Audit %1); Rücklesung: %2</translation>
    </message>
    <message>
        <source>Rebind failed</source>
        <translation>Neu binden fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ops::ui::RunStepsModel</name>
    <message>
        <source>(probe %1%2)</source>
        <translation>(Prüfung %1%2)</translation>
    </message>
    <message>
        <source>, must pass</source>
        <translation>, muss bestehen</translation>
    </message>
    <message>
        <source>skippable</source>
        <translation>überspringbar</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Needs</source>
        <translation>Braucht</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Erfasst</translation>
    </message>
    <message>
        <source>note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>attachment</source>
        <translation>Anhang</translation>
    </message>
    <message>
        <source>probe</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>checksum</source>
        <translation>Prüfsumme</translation>
    </message>
    <message>
        <source>signature</source>
        <translation>Signatur</translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation>Bestätigung</translation>
    </message>
</context>
<context>
    <name>ops::ui::SilenceDialog</name>
    <message>
        <source>Silence %1 on %2</source>
        <translation>%1 auf %2 stummschalten</translation>
    </message>
    <message>
        <source>The alert keeps its state and keeps firing into the evidence log; the matrix shows it as SILENCED. Only its notifications wait until the silence ends.</source>
        <translation>Der Alarm behält seinen Zustand und löst weiter ins Nachweis-Log aus; die Matrix zeigt ihn als SILENCED. Nur seine Benachrichtigungen warten, bis die Stummschaltung endet.</translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation>30 Minuten</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 Stunde</translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation>2 Stunden</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 Stunden</translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation>8 Stunden</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <source>3 days</source>
        <translation>3 Tage</translation>
    </message>
    <message>
        <source>Why these notifications may wait (required)</source>
        <translation>Warum diese Benachrichtigungen warten dürfen (Pflicht)</translation>
    </message>
    <message>
        <source>Reason for the silence</source>
        <translation>Grund der Stummschaltung</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Für:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Bis:</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Grund:</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stummschalten</translation>
    </message>
</context>
<context>
    <name>ops::ui::SilencesView</name>
    <message>
        <source>Silences</source>
        <translation>Stummschaltungen</translation>
    </message>
    <message>
        <source>No silence in force and no maintenance window in the next 7 days.</source>
        <translation>Keine Stummschaltung in Kraft und kein Wartungsfenster in den nächsten 7 Tagen.</translation>
    </message>
    <message>
        <source>%1 in force, %2 maintenance windows coming up. A silenced alert keeps firing into the log and shows as SILENCED; only notifications wait.</source>
        <translation>%1 in Kraft, %2 Wartungsfenster stehen an. Ein stummgeschalteter Alarm löst weiter ins Log aus und erscheint als SILENCED; nur die Benachrichtigungen warten.</translation>
    </message>
</context>
<context>
    <name>ops::ui::StepStatusText</name>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>offen</translation>
    </message>
</context>
<context>
    <name>ops::ui::StoreStatusView</name>
    <message>
        <source>Trust root not pinned</source>
        <translation>Vertrauensanker nicht festgelegt</translation>
    </message>
    <message>
        <source>The store's keys are trusted on first use: whoever can write the store file could rewrite its history and this console would not know. Pin the admin keys under trust.admins in the deployment config (opsconsole-cli init prints the lines).</source>
        <translation>Den Schlüsseln dieses Speichers wird beim ersten Gebrauch vertraut: Wer die Speicherdatei schreiben kann, könnte ihre Geschichte umschreiben, ohne dass diese Konsole es bemerkt. Legen Sie die Admin-Schlüssel unter trust.admins in der Bereitstellungskonfiguration fest (opsconsole-cli init gibt die Zeilen aus).</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Speicher: %1</translation>
    </message>
    <message>
        <source>Evidence store: %1
Config: %2</source>
        <translation>Nachweisspeicher: %1
Konfiguration: %2</translation>
    </message>
    <message>
        <source>Evidence store %1</source>
        <translation>Nachweisspeicher %1</translation>
    </message>
    <message>
        <source>Outbox synced: acts appended to the team log: %1, refused: %2</source>
        <translation>Postausgang abgeglichen: ins Team-Log übernommene Handlungen: %1, abgelehnt: %2</translation>
    </message>
    <message>
        <source>Acts made offline were refused</source>
        <translation>Offline vorgenommene Handlungen wurden abgelehnt</translation>
    </message>
    <message>
        <source>The team log refused acts made while it could not be reached (%1). They are kept in the outbox as rejected; look at what came first and act again.</source>
        <translation>Das Team-Log hat Handlungen abgelehnt, die vorgenommen wurden, während es nicht erreichbar war (%1). Sie bleiben im Postausgang als abgelehnt erhalten; sehen Sie nach, was zuerst geschah, und handeln Sie erneut.</translation>
    </message>
    <message>
        <source>ALARM (SEV-1): the team log was rewritten</source>
        <translation>ALARM (SEV-1): das Team-Log wurde umgeschrieben</translation>
    </message>
    <message>
        <source>%1

This console writes nothing more to the team log until the alarm is investigated.</source>
        <translation>%1

Diese Konsole schreibt nichts mehr in das Team-Log, bis der Alarm untersucht ist.</translation>
    </message>
    <message>
        <source>UNSYNCED: 1 act since %1 — </source>
        <translation>NICHT ABGEGLICHEN: 1 Handlung seit %1 — </translation>
    </message>
    <message>
        <source>UNSYNCED: %1 acts since %2 — </source>
        <translation>NICHT ABGEGLICHEN: %1 Handlungen seit %2 — </translation>
    </message>
    <message>
        <source>ALARM (SEV-1): the team log was rewritten: %1</source>
        <translation>ALARM (SEV-1): das Team-Log wurde umgeschrieben: %1</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>%1, checkpoint %2 signed by %3</source>
        <translation>%1, Checkpoint %2 signiert von %3</translation>
    </message>
    <message>
        <source> — witnesses unknown (%1)</source>
        <translation> — Zeugen unbekannt (%1)</translation>
    </message>
    <message>
        <source> — not yet witnessed (0 of %1)</source>
        <translation> — noch nicht bezeugt (0 von %1)</translation>
    </message>
    <message>
        <source> — witnessed by %1 (%2 of %3)</source>
        <translation> — bezeugt von %1 (%2 von %3)</translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation> — schreibgeschützt</translation>
    </message>
    <message>
        <source>Store: %1 (not created yet: run opsconsole-cli init)</source>
        <translation>Speicher: %1 (noch nicht angelegt: opsconsole-cli init ausführen)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1 · local file %2</source>
        <translation>%1 · lokale Datei %2</translation>
    </message>
    <message>
        <source>Store: %1 · PROBLEM: %2</source>
        <translation>Speicher: %1 · PROBLEM: %2</translation>
    </message>
</context>
<context>
    <name>ops::ui::TrendCharts</name>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Manifest age (h) against the freshness threshold</source>
        <translation>Manifest-Alter (h) gegen die Frischegrenze</translation>
    </message>
    <message>
        <source>Latency chart</source>
        <translation>Latenzdiagramm</translation>
    </message>
    <message>
        <source>Manifest age chart</source>
        <translation>Diagramm Manifest-Alter</translation>
    </message>
    <message>
        <source>Select a cell of the matrix: its scope's trends appear here.</source>
        <translation>Eine Zelle der Matrix wählen: die Verläufe ihres Bereichs erscheinen hier.</translation>
    </message>
    <message>
        <source>manifest age</source>
        <translation>Manifest-Alter</translation>
    </message>
    <message>
        <source>threshold %1 h</source>
        <translation>Grenze %1 h</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>%1: no probe samples in this window yet (unknown, not healthy).</source>
        <translation>%1: noch keine Prüfproben in diesem Zeitraum (unbekannt, nicht gesund).</translation>
    </message>
    <message>
        <source>%1: 1 sample since %2, %3 failed</source>
        <translation>%1: 1 Probe seit %2, %3 fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: %2 samples since %3, %4 failed</source>
        <translation>%1: %2 Proben seit %3, %4 fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>ops::ui::UnlockDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>What you do in the console is recorded as evidence signed with your key.</source>
        <translation>Was Sie in der Konsole tun, wird als mit Ihrem Schlüssel signierter Nachweis aufgezeichnet.</translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation>&amp;Identität:</translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>This store has no identities yet: create one with opsconsole-cli init.</source>
        <translation>Dieser Speicher hat noch keine Identitäten: mit opsconsole-cli init anlegen.</translation>
    </message>
    <message>
        <source>not needed: this dev key is not encrypted</source>
        <translation>nicht nötig: dieser Entwicklungsschlüssel ist unverschlüsselt</translation>
    </message>
    <message>
        <source>Cannot sign in as %1: %2</source>
        <translation>Anmeldung als %1 nicht möglich: %2</translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the keychain</source>
        <translation>Passphrase im Schlüsselbund &amp;merken</translation>
    </message>
    <message>
        <source>Kept by the desktop's keychain, which unlocks with your session; anyone at this unlocked session can then sign in as you with one click.</source>
        <translation>Der Schlüsselbund des Desktops verwahrt sie und wird mit Ihrer Sitzung entsperrt; wer an dieser entsperrten Sitzung sitzt, kann sich dann mit einem Klick als Sie anmelden.</translation>
    </message>
    <message>
        <source>kept in the keychain: leave empty and sign in</source>
        <translation>im Schlüsselbund verwahrt: leer lassen und anmelden</translation>
    </message>
    <message>
        <source>The keychain no longer holds the passphrase of %1: type it.</source>
        <translation>Der Schlüsselbund enthält die Passphrase von %1 nicht mehr: Bitte eingeben.</translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation>Der Schlüsselbund hat die Passphrase nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Signing in as %1 with the passphrase kept in the keychain failed: %2. Type the passphrase.</source>
        <translation>Die Anmeldung als %1 mit der im Schlüsselbund gespeicherten Passphrase ist fehlgeschlagen: %2. Geben Sie die Passphrase ein.</translation>
    </message>
</context>
<context>
    <name>ops::ui::VerdictDialog</name>
    <message>
        <source>Verify a verdict offline</source>
        <translation>Verdikt offline prüfen</translation>
    </message>
</context>
<context>
    <name>ops::ui::VerdictView</name>
    <message>
        <source>score.json</source>
        <translation>score.json</translation>
    </message>
    <message>
        <source>Evidence bundle</source>
        <translation>Nachweisbündel</translation>
    </message>
    <message>
        <source>verdict.sig</source>
        <translation>verdict.sig</translation>
    </message>
    <message>
        <source>verdict.pub</source>
        <translation>verdict.pub</translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation>JSON (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Bundles (*.tar.gz *.tgz *.tar.zst);;All files (*)</source>
        <translation>Bündel (*.tar.gz *.tgz *.tar.zst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Signatures (*.sig *.b64);;All files (*)</source>
        <translation>Signaturen (*.sig *.b64);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Public keys (*.pub *.pem);;All files (*)</source>
        <translation>Öffentliche Schlüssel (*.pub *.pem);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Pick a results/ folder…</source>
        <translation>Einen results/-Ordner wählen…</translation>
    </message>
    <message>
        <source>A results/ folder with score.json, the bundle, verdict.sig and verdict.pub</source>
        <translation>Ein results/-Ordner mit score.json, dem Bündel, verdict.sig und verdict.pub</translation>
    </message>
    <message>
        <source>Verify offline</source>
        <translation>Offline prüfen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Pick the four files, then Verify offline</source>
        <translation>Die vier Dateien wählen, dann Offline prüfen</translation>
    </message>
    <message>
        <source>Verdict checks</source>
        <translation>Urteilsprüfungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Detail</translation>
    </message>
    <message>
        <source>Recorded as event %1 with the four files attached.</source>
        <translation>Als Ereignis %1 mit den vier Dateien aufgezeichnet.</translation>
    </message>
    <message>
        <source>Not recorded: sign in to record verifications as evidence.</source>
        <translation>Nicht aufgezeichnet: anmelden, um Prüfungen als Nachweis aufzuzeichnen.</translation>
    </message>
    <message>
        <source>Found the four files in %1.</source>
        <translation>Die vier Dateien in %1 gefunden.</translation>
    </message>
    <message>
        <source>Pick all four files first (or a results/ folder).</source>
        <translation>Zuerst alle vier Dateien wählen (oder einen results/-Ordner).</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>VERDICT VALID</source>
        <translation>URTEIL GÜLTIG</translation>
    </message>
    <message>
        <source>VERDICT INVALID</source>
        <translation>URTEIL UNGÜLTIG</translation>
    </message>
    <message>
        <source>✔ ok</source>
        <translation>✔ ok</translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation>✘ fehlgeschlagen</translation>
    </message>
    <message>
        <source>Key: %1 %2</source>
        <translation>Schlüssel: %1 %2</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(unlesbar)</translation>
    </message>
    <message>
        <source>No network was used: every check ran on the four local files; the bundle was read in memory, never extracted.</source>
        <translation>Kein Netzwerk verwendet: jede Prüfung lief auf den vier lokalen Dateien; das Bündel wurde im Speicher gelesen, nie entpackt.</translation>
    </message>
</context>
<context>
    <name>ops::ui::VerdictsPage</name>
    <message>
        <source>A verdict is score.json, its evidence bundle, verdict.sig and verdict.pub. Verification is offline: the signature, the bundle's digest, its entries and every listed file are checked on the local files, never over the network.</source>
        <translation>Ein Verdikt besteht aus score.json, seinem Evidenzpaket, verdict.sig und verdict.pub. Die Prüfung ist offline: Signatur, Prüfsumme des Pakets, seine Einträge und jede aufgeführte Datei werden an den lokalen Dateien geprüft, nie über das Netzwerk.</translation>
    </message>
    <message>
        <source>Verify a verdict…</source>
        <translation>Verdikt prüfen…</translation>
    </message>
    <message>
        <source>Pick the four files or a results/ folder (Ctrl+Shift+V)</source>
        <translation>Die vier Dateien oder einen results/-Ordner wählen (Strg+Umschalt+V)</translation>
    </message>
    <message>
        <source>Verified so far (double-click to open the event):</source>
        <translation>Bisher geprüft (Doppelklick öffnet das Ereignis):</translation>
    </message>
    <message>
        <source>Verdicts verified so far</source>
        <translation>Bisher geprüfte Verdikte</translation>
    </message>
    <message>
        <source>Checks of the selected verdict</source>
        <translation>Prüfungen des gewählten Verdikts</translation>
    </message>
    <message>
        <source>No evidence store: verifications can still be run, but not recorded.</source>
        <translation>Kein Evidenzspeicher: Prüfungen laufen trotzdem, werden aber nicht aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1  %2 · key %3 · by %4 · #%5</source>
        <translation>%1  %2 · Schlüssel %3 · von %4 · #%5</translation>
    </message>
    <message>
        <source>✔ VALID</source>
        <translation>✔ GÜLTIG</translation>
    </message>
    <message>
        <source>✘ INVALID</source>
        <translation>✘ UNGÜLTIG</translation>
    </message>
    <message>
        <source>No verdict verified yet.</source>
        <translation>Noch kein Verdikt geprüft.</translation>
    </message>
    <message>
        <source>The verdicts cannot be read: %1</source>
        <translation>Die Urteile können nicht gelesen werden: %1</translation>
    </message>
</context>
</TS>
