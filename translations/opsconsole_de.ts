<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
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
    <message>
        <source>%1 events</source>
        <translation>%1 Ereignisse</translation>
    </message>
    <message>
        <source>1 event</source>
        <translation>1 Ereignis</translation>
    </message>
    <message>
        <source>%1, checkpoint %2 signed by %3</source>
        <translation>%1, Prüfpunkt %2 signiert von %3</translation>
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
        <source>Open incident…</source>
        <translation>Vorfall eröffnen …</translation>
    </message>
    <message>
        <source>Start runbook</source>
        <translation>Runbook starten</translation>
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
        <source>Select a cell to see its trigger and first action</source>
        <translation>Eine Zelle wählen, um Auslöser und erste Maßnahme zu sehen</translation>
    </message>
    <message>
        <source>Incidents arrive with the incident and runbook capability</source>
        <translation>Vorfälle kommen mit der Vorfall- und Runbook-Funktion</translation>
    </message>
    <message>
        <source>Runbooks arrive with the incident and runbook capability</source>
        <translation>Runbooks kommen mit der Vorfall- und Runbook-Funktion</translation>
    </message>
    <message>
        <source>Probe targets</source>
        <translation>Prüfziele</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
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
        <source>Acknowledge</source>
        <translation>Bestätigen</translation>
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
        <source>&lt;br&gt;&lt;b&gt;Acknowledged by:&lt;/b&gt; %1 — %2</source>
        <translation>&lt;br&gt;&lt;b&gt;Bestätigt von:&lt;/b&gt; %1 — %2</translation>
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
        <source>&lt;span style='color:#b71c1c'&gt;Not acknowledged: %1&lt;/span&gt;</source>
        <translation>&lt;span style='color:#b71c1c'&gt;Nicht bestätigt: %1&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Acknowledged as %1 (event %2).</source>
        <translation>Bestätigt als %1 (Ereignis %2).</translation>
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
        <source>Copy target details and digests</source>
        <translation>Zieldetails und Prüfsummen kopieren</translation>
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
    <name>ops::ui::DerivationsPanel</name>
    <message>
        <source>No derivation records are loaded: the reviewer's queue arrives with the derivation review capability.</source>
        <translation>Es sind keine Herleitungsdatensätze geladen: Die Prüfwarteschlange kommt mit der Herleitungsprüfung.</translation>
    </message>
    <message>
        <source>The review queue with validation results for every rule</source>
        <translation>Die Prüfwarteschlange mit den Validierungsergebnissen jeder Regel</translation>
    </message>
    <message>
        <source>Accept, reject and sign for permitted reviewers; supersede instead of edit</source>
        <translation>Annehmen, ablehnen und signieren für berechtigte Prüfer; ersetzen statt bearbeiten</translation>
    </message>
    <message>
        <source>Typed INFEASIBLE records and the signed handoff package</source>
        <translation>Typisierte INFEASIBLE-Datensätze und das signierte Übergabepaket</translation>
    </message>
    <message>
        <source>Derivations</source>
        <translation>Herleitungen</translation>
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
    <name>ops::ui::EvidencePanel</name>
    <message>
        <source>Every event, searchable and filterable, with its hash, signature and inclusion proof</source>
        <translation>Jedes Ereignis, durchsuchbar und filterbar, mit Hash, Signatur und Inklusionsbeweis</translation>
    </message>
    <message>
        <source>Proof summaries of test outputs (PASS, FAIL, NOT RUN, SKIP)</source>
        <translation>Beweiszusammenfassungen von Testausgaben (PASS, FAIL, NOT RUN, SKIP)</translation>
    </message>
    <message>
        <source>Offline verdict verification and store verification</source>
        <translation>Offline-Prüfung von Urteilen und Prüfung des Speichers</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Nachweise</translation>
    </message>
    <message>
        <source>Browsing evidence in the console is not built yet. The store itself works: list, show, verify and export it with opsconsole-cli evidence.</source>
        <translation>Das Durchsuchen der Nachweise in der Konsole ist noch nicht gebaut. Der Speicher selbst funktioniert: mit opsconsole-cli evidence auflisten, anzeigen, prüfen und exportieren.</translation>
    </message>
</context>
<context>
    <name>ops::ui::IncidentsPanel</name>
    <message>
        <source>No incidents can be opened yet: this area arrives with the incident and runbook capability.</source>
        <translation>Noch können keine Vorfälle eröffnet werden: Dieser Bereich kommt mit der Vorfall- und Runbook-Funktion.</translation>
    </message>
    <message>
        <source>Active incidents with severity, scope, age and owner, and each incident's timeline</source>
        <translation>Aktive Vorfälle mit Schweregrad, Bereich, Alter und Verantwortlichem sowie die Zeitleiste jedes Vorfalls</translation>
    </message>
    <message>
        <source>The core evidence record with every required field enforced</source>
        <translation>Der Kernnachweis mit allen Pflichtfeldern</translation>
    </message>
    <message>
        <source>Kill switches and the rollback checklist with its 15 and 30 minute clocks</source>
        <translation>Notschalter und die Rollback-Checkliste mit ihren 15- und 30-Minuten-Uhren</translation>
    </message>
    <message>
        <source>Incidents &amp; Rollback</source>
        <translation>Vorfälle &amp; Rollback</translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchPanel</name>
    <message>
        <source>The launch-day checklist with each item's evidence one click away</source>
        <translation>Die Starttag-Checkliste, der Nachweis jedes Punkts einen Klick entfernt</translation>
    </message>
    <message>
        <source>The no-go rules, each red or green with its reason</source>
        <translation>Die No-Go-Regeln, jede rot oder grün mit ihrem Grund</translation>
    </message>
    <message>
        <source>Product, engineering and QA sign-offs and the GO / NO-GO banner</source>
        <translation>Freigaben von Produkt, Entwicklung und QA sowie das GO-/NO-GO-Banner</translation>
    </message>
    <message>
        <source>Launch</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>The launch-day decision is computed from evidence and its rules are not built yet, so no GO is shown.</source>
        <translation>Die Entscheidung am Starttag wird aus Nachweisen berechnet und ihre Regeln sind noch nicht gebaut, daher wird kein GO angezeigt.</translation>
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
        <source>Store: %1 (not created yet: run opsconsole-cli init)</source>
        <translation>Speicher: %1 (noch nicht angelegt: opsconsole-cli init ausführen)</translation>
    </message>
    <message>
        <source>Store: %1 · %2</source>
        <translation>Speicher: %1 · %2</translation>
    </message>
    <message>
        <source>Store: %1 · PROBLEM: %2</source>
        <translation>Speicher: %1 · PROBLEM: %2</translation>
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
</context>
</TS>
