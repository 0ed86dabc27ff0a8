<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>EventInspection</name>
    <message>
        <source>signed by %1, key %2: verifies (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature by %1 does not verify with key %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no registered key for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bulk-imported event: covered by its batch checkpoint, not signed on its own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the inclusion proof does NOT reach the root of checkpoint %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>included in checkpoint %1, but that checkpoint&apos;s signature by %2 does NOT verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>included in checkpoint %1 (root %2…, signed by %3): %4 hashes, verified now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position-free</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>positioned (older events)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Handover</name>
    <message>
        <source>Open incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts firing, acknowledged or silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback clocks running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switches active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch checks and sign-offs pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derivations waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed since the last handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift handover from %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift handover from %1 to %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Since the last handover: event %1 at %2. Store size %3. Times are UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No earlier handover in this store. Store size %1. Times are UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next step %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next: record the core evidence record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next: close once %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decision yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>last decision: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 %3 in %4, owner %5; %6; %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2: %3 clock %4, %5 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2 since %3 by %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged by %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced until %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 in %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence %1 on %2 in %3 until %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: check %2 %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 sign-off %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2, imported by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events since event %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident %1 opened (%2 %3 in %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident %1 closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident %1 severity %2 → %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident %1 owner now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident %1 decision: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill switch %1 activated in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill switch %1 deactivated in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1 %2 fired in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1 cleared in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1 in %2 acknowledged: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence SIL-%1 added in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence %1 ended in %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback %1 started in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback %1 finished in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rollback %1 missed its %2 objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>launch %1 signed off as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>launch %1 decided %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derivation %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IncidentReport</name>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT — incident open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running, close to the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 within %2 min: %3 at %4, %5 after the bad publish (event %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 within %2 min: %3 (deadline %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postmortem: %1 — %2 in %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT — the incident is still open; this report is not final.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Generated %1 from store %2 at checkpoint %3 (tree size %4). Times are UTC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 (event %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity and its changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core evidence record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No core evidence record was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kill switch was used for this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>- %1 in %2: %3 since %4 by %5 — %6 (activated %7×, deactivated %8×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACTIVE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No runbook was run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 by %2; %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finished %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback against the objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rollback was run for this incident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective MISSED.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback not finished: objective not yet judged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts acknowledged and silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None in %1 while the incident was open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing left open by the evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Appendix: checking this report offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checkpoint below is a signed note (c2sp.org/tlog-checkpoint). Each cited event has a c2sp.org/tlog-proof against it; `opsconsole-cli evidence show SEQ --raw` gives the event&apos;s exact bytes, the leaf the proof is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledged %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silenced %1 until %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence %1 ended: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance window %1 opened for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>silence %1 expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the incident once its closure condition holds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign an incident owner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the core evidence record (scope, trigger, failure mode, containment, …).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record how the closure was verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finish %1 (%2): next step %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Explain why the %1 objective of %2 (%3 min) was missed, and what changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switch %1 is still active in %2: validate and deactivate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3, event %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>**%1** %2 — %3 (event %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (event %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — %3 (event %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cited events not covered by this checkpoint (newer than it), so without a proof here: %1. Generate the report again once a checkpoint covers them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objective MET: restored within %1 minutes and integrity within %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>opsconsole cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opsconsole refused to start.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::AlertEvaluator</name>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not evaluated yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no probe results for this scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot tell: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probes pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 signal recorded for this scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 in the last %3 min (fires at %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no %1 in the last %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>latest %1 &apos;%2&apos; is not a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2 % (baseline limit %3 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill-switch state not read yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a kill switch is active for this scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no kill switch active</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::AlertMatrixModel</name>
    <message>
        <source>silenced by %1 until %2 (%3): %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SILENCED %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIRING %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACK %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok (silenced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown (silenced)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2
%3
First action: %4%5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::AlertMonitor</name>
    <message>
        <source>no evidence store yet: transitions are not recorded (create one with opsconsole-cli init)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the monitor tables cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store is read-only here: transitions are not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in to acknowledge: an acknowledgement is signed evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;%1&apos; holds neither the operator nor the incident-owner role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no alert &apos;%1&apos; for scope &apos;%2&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only a firing alert can be acknowledged: %1 for %2 is %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an acknowledgement needs a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1 on %2 since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>monitored by %1: this console shows its evaluations and records nothing itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not probed by the recorder yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recorder&apos;s last probe is not fresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store is read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no operator is signed in to sign what Alertmanager reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in to silence: a silence is signed evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sign in to end a silence: its end is signed evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>webhook notifications are off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing since %1, held during a silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing since %1 and not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>firing since %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1 (a monitor taking over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another recorder in this process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, which did not hand over within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the recorder that stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on the team log this console probes and shows the alert matrix its recorder evaluated (opsconsole-cli monitor or probe --record, one recorder at a time), and records nothing itself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team log cannot be reached: whether its recorder records is not known here</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::AlertRule</name>
    <message>
        <source>%1 for every scope (alert matrix)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is a critical scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not a critical scope</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::AlertRuleText</name>
    <message>
        <source>Publish blocked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>repeated publish_blocked or verifier/publisher hard failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect failed gate and preserve active last-known-good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active manifest age exceeds threshold for supported scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pause confidence claims for affected scope and investigate refresh path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback spike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback or rescue path exceeds normal operational baseline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>halt lane graduation and inspect locality/country policy state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolver health</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest resolution or rules API path fails probes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>validate publisher read path and rebind/rollback if needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workflow watchdog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orchestrator harvest/discovery/onboarding watchdog breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect active run, lock state, and downstream backlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill-switch activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI or bad-pack kill switch enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirm containment, scope, and follow-up evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manual trigger dedupe spike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>abnormal burst or operator contention pattern</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inspect duplicate ingress cause and active lock ownership</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::Alertmanager</name>
    <message>
        <source>Alertmanager: %1 firing since %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alertmanager: %1 resolved at %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::CoreEvidence</name>
    <message>
        <source>Timestamp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger or alert source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed failure mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Containment action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback or kill-switch action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Operator or owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UTC ISO-8601; empty means now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what was rolled back or switched off, or &quot;none&quot;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::DerivationRules</name>
    <message>
        <source>Every field of the record template, and no other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No field is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No placeholder (TBD, TODO, ?, &lt;…&gt;): a typed INFEASIBLE over a placeholder (§2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The id is a plain identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mlflow_run_id is &quot;none&quot; only with a reason in notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lockability is lockable, non-lockable or infeasible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cost_tier is A, B, C, D or n/a</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier C is never lockable (§3 Tier-C rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier D is never carried, only as an INFEASIBLE with reason cost-data (§3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E_econ_min and E_pred_min differ (§2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reason is cost-data, capacity, power, mapping or null</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blocked_downstream names S03 (charter lock)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>git_sha is a 40-hex commit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every input hash carries its algorithm (sha256:…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timestamp is UTC ISO-8601</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>author and reviewer are different people (§1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 firing for %3, not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 firing for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First action: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::EventTableModel</name>
    <message>
        <source>signed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recorded by %1, covered by its batch checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1 · %2 · %3
%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>searching and filtering need the log itself; this console&apos;s copy of the team log is browsed by position</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::HttpGet</name>
    <message>
        <source>unsupported URL &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy %1 sent an overlong answer to CONNECT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>proxy %1:%2 refused the tunnel to %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect loop or more than %1 redirects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect to an unsupported URL &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>redirect to a less secure URL refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS: proxy host %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS: host %1 not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused by the proxy %1:%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection refused by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connection closed by %1 before a complete response (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is self-signed and not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate has expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is not valid yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate is not for the host %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate&apos;s issuer is not trusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the certificate was revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the server sent no certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certificate error %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: the handshake failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error: the connection timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error: the network cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error: the proxy %1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network error %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::IncidentListModel</name>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::Launch</name>
    <message>
        <source>%1 min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run a rollback drill (Incidents › Rollback, Drill) and finish every step within %1 / %2 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drill %1 on %2 met the objective %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the last drill that met the objective, %1 on %2, finished %3; a drill older than %4 days does not prove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no drill has met the objective; the latest, %1 on %2 (%3), did not</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no rollback drill has been finished: the %1/%2-minute objective is unproven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate and then deactivate each kill switch on a test scope (Incidents › Kill switches), with its validation result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: undefined (no runbook %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: activated and deactivated on %2 (event %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: activated on %2 but never deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: never activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kill switches untested — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the stale-pack alert in the alert rules and give every scope its freshness_hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert rules cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert rules have no stale-pack alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stale-pack alert is disabled (line %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scope %1 has no freshness threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the stale-pack alert is enabled and all %1 scopes have a freshness threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the publish-blocked alert in the alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert rules have no publish-blocked alert: publish failures reach no one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the publish-blocked alert is disabled (line %1): publish failures reach no one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publish failures raise the publish-blocked alert (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End the silence (Alerts › Silences), or wait for it to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the silences cannot be read: whether launch alerts are silenced is unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 silenced by a maintenance window until %3 (%4: %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 silenced by %3 until %4 (%5: %6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no stale-pack or resolver-health alert is silenced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe the critical scopes (Alerts › Probe now) and fix what fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 never probed (unknown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 (%4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 last probed %2; probe it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all %1 targets of the critical scopes were ok at their last probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshot %1… verified with %2 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>snapshot %1… verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 events, sha256 %3…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files, %2 bytes archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no launch has been started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the config, an auth key or a kill switch changed since this snapshot (%1… now %2…); verify it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an identity of this store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed after being revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed before being approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold the %2 role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the signature does not verify with %1&apos;s key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signed a different launch record (%1…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the checklist changed after it: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already signed as %2; the sign-offs need different people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>drill %1 on %2 met only the objective its start stated; its clocks were not met within %3 / %4 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 last probed %2 by a signed recorder; the probe %3 is not signed by an operator, incident owner or monitor and does not count: sign in as one and probe it again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ProbeEngine</name>
    <message>
        <source>timeout: no response within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout: response not complete within %1 ms (%2 bytes received)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body of %1 bytes is over the cap of %2 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body is over the cap of %1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checksum mismatch: manifest says %1, pack is %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON: %1 at byte %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON: not an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing field &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;published_at&apos; is not a UTC ISO-8601 time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>field &apos;pack_sha256&apos; is not 64 hex digits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest is %1 h old, over the %2 h threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slow: %1 ms, over %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pack_url points to %1, not the manifest&apos;s host; allowed only when listed in probes.pack_hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::Proofs</name>
    <message>
        <source>the capture is larger than %1 MiB; only its beginning was read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the capture states PASS but %1 failure(s) were counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the capture states FAIL without a counted failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the capture states PASS but no executed check was counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 line(s) look like failures although no check was counted failing; read them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 not run and %2 skipped: not passes and not coverage</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::RunbookText</name>
    <message>
        <source>AI kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contain model-lane instability without breaking truthful service.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed AI output spikes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI invocation instability threatens workflow completion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback/rescue path becomes dominant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>newly widened lane causes publish-path regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freeze graduation decisions for affected scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disable or narrow the relevant AI lane (activate the AI kill switch for the scope).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm no unsupported silent degrade has been introduced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run targeted validation on a representative locality set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record reason, scope, activation time and validation result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>lane is re-enabled only after clean scheduled evidence and rollback confidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad-pack emergency kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contain a wrong active publish fast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active pack is wrong, unsafe, or not defensible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back active manifest to last known good pack (start the rollback checklist).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If needed, disable affected locality overlay and serve baseline-only where truthful.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm pack checksum and manifest integrity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe manifest resolution and pack read path after containment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preserve incident evidence before attempting forward repair.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active user-facing truth is restored to safe state within objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derivation pre-flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm, before any derivation, that it will be analysis-only on read-only inputs with its reviewer known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before any derivation is run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The active Story record is open and its current owner is assigned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plan review has passed and the runbook/architecture revisions match the plan revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The working-tree commit SHA is known and will be recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inputs are existing and read-only (OHLCV cache, ATR-H4 labels, trade/cost logs; exploratory results as context only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Airflow DAG, training job, cluster launcher, Phase-2 predictive run, model comparison or threshold selection will be invoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The output artifact directory and naming convention are known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reviewer is identified; cost/capacity derivations have the risk-owner review path identified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calibration-choice rationale is recorded before looking at outcomes, and the reproducibility tolerance is pre-declared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every pre-flight item confirmed before the first derivation runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence regeneration before release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate the proof artifacts, read them without over-claiming coverage, and build the docs strictly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before a release, to refresh the generated test outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regenerate evidence artifacts: GOCACHE=/tmp/go-build FI_TARGET= make docs-gen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect the proof-oriented outputs (demo-output.txt, fi-traceability-output.txt) and summarise them — PASS, FAIL, NOT RUN, SKIP — without counting NOT RUN or SKIP as coverage.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build docs strictly before release: GOCACHE=/tmp/go-build FI_TARGET= make docs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm docs/_generated/tbd-report.md remains empty of unresolved items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>make docs-gen and make docs exit 0 and the TBD report is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure recovery — orchestrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the orchestrator back to ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orchestrator /readyz fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a workflow watchdog breach points at the orchestrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm FORGE_ENV and required secrets are set (non-dev) — presence only, never values.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check OPA connectivity and policy hash logs; validate OPA_POLICY_HASH if set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart NATS subscriber if disconnected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retry /readyz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orchestrator /readyz is ok and the watchdog is quiet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure recovery — scoreboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the scoreboard back to ready and reprocess what failed meanwhile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scoreboard /readyz fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate signing key readiness and storage access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run /readyz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reprocess any failed scenario completion events.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scoreboard /readyz is ok and no scenario completion is left failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failure recovery — spawn_service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring spawn_service back to ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spawn_service /readyz fails</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET for mismatches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate entitlement sources (receipt/store) and retry /readyz.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>spawn_service /readyz is ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fallback-path spike</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop treating a scope as mature while its fallback or rescue path usage is materially above baseline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fallback or rescue path rate rises materially</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm whether spike is locality-specific, country-lane specific, or model-wide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check runtime policy state — sorter_mode, risk_state, allowed_error_codes, country-lane graduation counters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop treating affected scope as mature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If AI instability is involved, narrow scope or activate AI kill switch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If source quality drift is involved, treat as source-quality incident, not model win.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preserve evidence for lane-governance review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>scheduled clean primary success returns to normal thresholds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch-day validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch day is not complete until every check below has passed with evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the release owner validates a production launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify production config snapshot — API endpoints, auth keys present, environment flags, kill-switch defaults.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the final release build checksums.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trigger or observe the first production publish and validate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe the active manifest, active pack, resolver endpoint and rules endpoint where applicable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify the live app fetch on the target build resolves manifest and pack correctly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-off by product.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-off by engineering.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-off by QA.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every check passed and product, engineering and QA have signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the last known good active while a candidate pack cannot be published, without weakening any gate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verifier or publisher blocks promotion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify failing stage — verifier gate, attestation, R2 write, manifest promotion, or canary readback.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm active manifest still points to valid last known good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Do not bypass publish gates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If failure is isolated and active truth remains safe, leave active manifest unchanged and investigate cause.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If repeated failures suggest unstable lane behavior, pause graduation for affected scope and consider AI kill switch or scope narrowing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture audit evidence and operator notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>publish path passes again without weakening gates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore a safe active manifest state within the rollback objective and prove it with evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a bad publish is confirmed (the clocks start here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rollback drill proves the objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Identify affected locality or baseline scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm current active manifest and last known good target.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebind or restore active manifest to last known good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm manifest checksum and pack checksum alignment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe resolver and rules API for affected scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture timestamps and outcome against rollback objective.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>safe manifest restored within 15 minutes, integrity confirmed within 30, and the record complete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S03 handoff package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assemble the signed handoff package so S03 can lock what is lockable and sees what blocks it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the derivations are reviewed and the package goes to S03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlocked charter values are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signed derivation record exists for each value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cost tier and lockability status are given for every cost-derived value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typed INFEASIBLE records are included, if any.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved threats to validity are listed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewer status is given for each derivation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A risk-owner note exists for cost/capacity items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmation that no forbidden run, launcher, training, model selection or threshold selection occurred.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Values eligible for S03 lock (Tier A/B) are listed apart from values blocking S03 (Tier C / INFEASIBLE).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the package is complete and signed; analyst, locker and launcher are different identities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret rotation and rollout order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rotate the shared HMAC secrets and the operator token without a window in which a service rejects what another mints.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a secret is due for rotation or may have leaked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pre-stage new secrets in the secret manager (KMS/Vault/etc.).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update spawn_service first (mints ET/SAT/receipts) — roll out SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update orchestrator second (verifies SATs and OPA) — roll out SAT_HMAC_SECRET, ET_HMAC_SECRET, RECEIPT_HMAC_SECRET, OPERATOR_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Update scoreboard last (verifies operator auth) — roll out OPERATOR_TOKEN along with the shared HMAC secrets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with /readyz checks across services and run an end-to-end scenario.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every service ready on the new secrets and an end-to-end scenario passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source outage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep truthful service while an official upstream source is unavailable, malformed, blocked or stale.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>official source becomes unavailable, blocked, empty, malformed, or stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm affected locality or country scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check whether last known good remains active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm whether the issue is an upstream outage, source format drift, admission/probeability drift, or a temporary rate-limit or anti-bot posture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If active truth is still safe, keep last known good active and do not force publish.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the supported-scope freshness promise is now at risk, mark incident severity and suspend maturity or expansion decisions for that scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record evidence and next review time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upstream source recovers or scope is explicitly downgraded truthfully</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale-pack breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Treat a scope whose active manifest is older than its freshness threshold as degraded until a fresh publish brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active manifest age or source freshness exceeds declared threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm affected scope and threshold breached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check whether refresh is blocked, delayed, or silently not due.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Determine whether the stale state is localized, country-wide, or pipeline-wide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If the freshness claim is no longer defensible, treat scope as degraded operationally and stop any expansion or graduation decisions relying on that scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore refresh path or adjust public truth claims before closure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fresh publish succeeds and active scope returns within threshold</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::SeverityModel</name>
    <message>
        <source>SEV-1: active published truth is wrong for users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEV-3: %1 is not a critical scope and there is no wrong active truth yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEV-2: stale-pack threshold breached for critical scope %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEV-2: fallback/rescue path spikes materially</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SEV-2: refresh pipeline degraded for critical scope %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::SilenceListModel</name>
    <message>
        <source>Maintenance window of the config (line %1), every occurrence silences %2 on %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced by %1 (event %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (ended %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>maintenance window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, ended by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — ended: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::StoreHost</name>
    <message>
        <source>no evidence store yet: nothing is recorded (create one with opsconsole-cli init)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the evidence store is read-only here: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>local file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>team log %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team log cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team log&apos;s notifications do not arrive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to the team log is lost; retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to the team log is lost (%1); retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (offline: this console&apos;s copy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; working offline is not possible: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — working from this console&apos;s verified copy of the team log (up to event %2); acts wait in the outbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team log cannot be reached</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::TeamRecorder</name>
    <message>
        <source>webhook notifications are off: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another console is recording observations on this team log right now; one recorder at a time, so no transition is recorded twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the team log cannot be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a missed rollback deadline could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a notification attempt could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a notification attempt was not recorded: this recorder does not hold the team log&apos;s recorder lock now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::Timeline</name>
    <message>
        <source>%1 step %2 done: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 failed: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 skipped: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 %4: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 step %2 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished: objective met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished: objective not met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opened %1 %2 incident on %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity %1 → %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>incident owner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>core evidence record: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started: rollback drill on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 started: rollback on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missed the %2 deadline (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kill switch activated on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kill switch deactivated on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::TransitionWriter</name>
    <message>
        <source>transitions not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe samples not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::Acts</name>
    <message>
        <source>%1 (event %2, signed by %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (signed by %2; waits in the outbox until the team log is back)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::AlertCellView</name>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Silenced&lt;/b&gt; until %1 by %2 (%3): %4 — notifications wait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FIRING</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACKNOWLEDGED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell to see its trigger and first action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the acknowledgement (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alert %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;State:&lt;/b&gt; %1&lt;br&gt;&lt;b&gt;Severity:&lt;/b&gt; %2 (%3)&lt;br&gt;&lt;b&gt;Since:&lt;/b&gt; %4&lt;br&gt;&lt;b&gt;Seen:&lt;/b&gt; %5&lt;br&gt;&lt;b&gt;Trigger:&lt;/b&gt; %6&lt;br&gt;&lt;b&gt;First action:&lt;/b&gt; %7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Acknowledged by:&lt;/b&gt; %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a %1 incident for %2, prefilled from this alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert cell first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already silenced: end that silence first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold this cell&apos;s notifications for a while (signed); it keeps firing into the log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a silenced cell, or an active silence in the Silences tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End %1 now (signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the %1 runbook for this scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This alert names no runbook</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a firing alert can be acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to acknowledge…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An acknowledgement is signed evidence: sign in with your identity first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record a signed acknowledgement as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a note first: what you saw and what you are doing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a note first: what you saw and what you are doing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged as %1 (event %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not silenced: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced %1 on %2 as SIL-%3 until %4: notifications wait, the state stays in view.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ended from the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence not ended: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended %1 (event %2): notifications flow again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::AlertsPanel</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not probed yet: every cell is unknown until its targets have been probed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe every target now (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert matrix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last probe round %1: %2 of %3 targets not ok · next round in about %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probes: unknown (not probed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing targets: %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts firing: %1, worst %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No alert firing; unknown cells: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 firing for %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recording: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: 1 transition waits to be recorded as evidence — sign in to record it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: %1 transitions wait to be recorded as evidence — sign in to record them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked: transitions will wait in memory until someone signs in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording transitions as evidence signed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the recorder&apos;s first round · looking again in about %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recorder&apos;s last round %1: %2 of %3 targets not ok · looking again in about %4 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored by %1: this console shows the recorder&apos;s evaluations and records nothing itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts firing: %1 (%2 silenced), worst %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silences (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not notifying: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 firing for %3 (held during a silence)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody records the team log now: its recorder %1 last recorded a round at %2. Start opsconsole-cli monitor on one machine.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monitored: recorded by %1 on the team log (last round %2); this console shows its evaluations and records nothing itself.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching commands</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::DecisionListModel</name>
    <message>
        <source>Decided by %1 at %2 (event %3):
%4</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::DerivationsPanel</name>
    <message>
        <source>Derivations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ signed · typed INFEASIBLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted · to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>superseded by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handoff to S03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by cost tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All tiers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by lockability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All lockability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All authors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Derivation and INFEASIBLE records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop YAML records here, or</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import derivation records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YAML records (*.yaml *.yml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason or note (required to reject, invalidate or note)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-derive…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supersede this record with a new one (never an edit): its dependents are invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The re-derived record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roll back (§11): mark this record and its dependents invalidated, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charter declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No unresolved threat recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threats recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis-only attestation recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store: the reviewer&apos;s desk needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — INFEASIBLE (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in review · %2 to sign · %3 signed · %4 typed INFEASIBLE signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as the reviewer the record names (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept: the derivation is valid and reproducible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the record&apos;s canonical hash, git_sha and input hashes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The risk owner&apos;s note on a cost or capacity value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supersede this record with a re-derivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark invalidated with the reason (§11)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a record to review it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2 and final.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review it: Accept, or Reject with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted: sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: re-derive it (supersede) or invalidate it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as a reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: every review, signature and note is signed evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was written:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 record(s) from %2 file(s), signed by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 superseded; %2 event(s) recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk-owner note on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 invalidated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 (%2 records, %3 signatures%4), SHA-256 %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import derivation or typed INFEASIBLE records (YAML, one record template each); an invalid file is refused whole with every finding, and nothing is written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No records yet: import the derivation records (YAML).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::EmptyState</name>
    <message>
        <source>What will be here:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::EnvironmentBadge</name>
    <message>
        <source>Environment: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Development environment: demo data and dev-only switches are allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 environment: secrets are required and dev-only switches are refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::ErrorText</name>
    <message>
        <source>a note (in the step&apos;s note field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an attachment (Attach file…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a confirmation (tick “I confirm the action was done”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a probe result (Probe now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a checksum (Checksum file…, or a pack probe whose SHA-256 matches its manifest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 needs %2 before it can be done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 needs %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A skipped step needs its reason: write it in the step&apos;s note field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A failed step needs its reason: write it in the step&apos;s note field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A failed check needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check %1 needs a note on what was observed, e.g. the publish job and the version it published.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No launch has been started: start one with Start launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search gave up after %1 s: narrow it with a kind, scope, actor or time range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigning the incident owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the core evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing an incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rollback drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A step of an incident or rollback run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting a launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A launch check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sign-off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The launch decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviewing a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A risk-owner note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A re-derivation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalidating a record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The value charter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threat list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The handoff package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the role %2; %3 holds %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs one of the roles %2; %3 holds %4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was closed at %2: open a new incident for a recurrence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An incident needs its trigger or alert source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The incident owner must be an identity with the incident-owner role; %1 is not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The severity model suggests %1; choosing %2 needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A severity change needs a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision needs its text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing needs the closure condition confirmed in words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing needs a verification result.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A kill switch needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the author of %2: a record is never reviewed or signed by its author.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported %2: the analyst who brought a record in cannot review or sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 names %2 as its reviewer, not %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No such record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2: superseded and invalidated records are final.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already reviewed (%2); a change is a re-derivation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is %2: only an accepted record is signed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a cost or capacity value: a risk-owner note is needed before signing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the author of %2: the risk owner is someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the app build being launched (one line) in App build.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch %1 (%2, build %3) is still open: record GO or NO-GO first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch %1 was decided at %2: start a new launch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed the %2 sign-off of %3: one identity never signs two roles.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sign-off signs a complete checklist; still open: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 sign-off is already given by %2 (%3) and still verifies.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 exists: an archive is never overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 finished at %2: start a new run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 of %2 is already recorded (%3, event %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 cannot be skipped: the %2 runbook does not allow it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has no core evidence record: record one (Record evidence) before closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has an unfinished rollback run %2 (%3 of %4 steps): finish it before closing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already rolling back %2: finish it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 kill switch is already active on %2 (since %3, by %4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The %1 kill switch is not active on %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step %1 is done only when its probes pass (%2): record it as failed with the reason, or fix it and probe again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 holds neither the operator nor the incident-owner role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An acknowledgement needs a note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a firing alert can be acknowledged: %1 for %2 is %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A charter value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A threat to validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The forbidden run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A NO-GO decision needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a placeholder (“%2”): say what it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charter value “%1” is named twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name at least one charter value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silence needs a reason: why these notifications may wait.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The silence would end at %1, which is not in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A silence lasts at most 30 days (until %1 asked); recurring maintenance belongs in the config&apos;s maintenance windows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 is already silenced by %3 until %4 (%5): end that silence first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no silence %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has not started (it starts %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was already ended by %2 (event %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 expired at %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Others kept adding to the log while this was decided (it grew from %1 to %2 events), so nothing was written: try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::EventDetailView</name>
    <message>
        <source>Select an event to see its bytes, signature and inclusion proof.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leaf hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The event, pretty-printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy exact bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The canonical JSON exactly as hashed into the tree (one line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related events (same incident, run or record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
… (first 1 MiB shown; save it for the rest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event %1 · %2 · %3 · by %4 at %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · witnesses unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · no console has cosigned this checkpoint yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · cosigned by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inclusion proof: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path (leaf to root):
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  (%2, %3 bytes)  SHA-256 %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unnamed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no evidence store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 bytes to %2 (SHA-256 %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Related events need the log&apos;s id index: this console&apos;s copy of the team log is read by position until the server is back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::EvidenceFilterBar</name>
    <message>
        <source>Search every event (Ctrl+F): words, &quot;a phrase&quot;, prefix*, AND / OR / NOT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full-text search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Between…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All scopes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All actors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident, run or record id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incident or record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search and filters need the team log itself: this console&apos;s copy of it is browsed by position until the server is back</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::EvidenceJobs</name>
    <message>
        <source>The search index could not catch up: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing %1 imported events for search… Searches cover the events indexed so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing imported events for search: %1%… Searches cover the events indexed so far.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: sign in to record verifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as event %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::EvidencePanel</name>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proof summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store intact: %1 events, %2 checkpoints and %3 signatures recomputed and verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TAMPERED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 events to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recompute every leaf, the Merkle tree, every checkpoint and signature, off the GUI thread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export shown events…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the shown events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As JSON (exact canonical bytes)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As a signed bundle with inclusion proofs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.tar.zst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search not applied: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ events (more load as you scroll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the store…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signed bundle needs a signature: sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search index caught up: every event can be searched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%Ln event(s), %1 loaded (more as you scroll)</source>
        <translation>
            <numerusform>%Ln event, %1 loaded (more as you scroll)</numerusform>
            <numerusform>%Ln events, %1 loaded (more as you scroll)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ events (counting…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Trust root not pinned: a log rewritten with new keys would verify too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team log cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) in the team log</source>
        <translation>
            <numerusform>%n event in the team log</numerusform>
            <numerusform>%n events in the team log</numerusform>
        </translation>
    </message>
    <message>
        <source>On the team log a signed bundle is made with opsconsole-cli evidence export --store URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification cancelled; nothing recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The positions of the acts made here are provisional until they are synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline — this console&apos;s copy of the team log: %1; made here, not in the team log yet: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search and filters run on the team log&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n matching event(s) in the team log</source>
        <translation>
            <numerusform>%n matching event in the team log</numerusform>
            <numerusform>%n matching events in the team log</numerusform>
        </translation>
    </message>
    <message>
        <source>%1+ matching events in the team log (more load as you scroll)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Searching the team log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> — %n event(s) cannot be searched (not UTF-8 JSON; Verify store names them)</source>
        <translation>
            <numerusform> — %n event cannot be searched (not UTF-8 JSON; Verify store names it)</numerusform>
            <numerusform> — %n events cannot be searched (not UTF-8 JSON; Verify store names them)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ops::ui::FirstRunDialog</name>
    <message>
        <source>Welcome to opsconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a local store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Join a team log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to your team&apos;s evidence log on PostgreSQL and request approval for your identity; an admin of the team approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A separate demo store (%1) with an unencrypted demo identity and the built-in demo config. Your own store is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only in the dev environment: this console runs in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave without creating anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a local store&lt;/b&gt;&lt;br&gt;This creates the evidence store &lt;tt&gt;%1&lt;/tt&gt; (readable by you only) and your identity, the store&apos;s first admin, with an Ed25519 signing key in &lt;tt&gt;%2&lt;/tt&gt;. The passphrase encrypts the key; it is never stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. alice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin is added to your roles: the first identity approves the others. Keep a copy of the key file and the passphrase apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create store and identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Join a team log&lt;/b&gt;&lt;br&gt;The console connects to the team&apos;s evidence log and records a request for your identity, signed by its new key (kept in &lt;tt&gt;%1&lt;/tt&gt;). You can act once an admin of the team approves it. The URL is remembered for the next start; outside dev it must use &lt;tt&gt;sslmode=verify-full&lt;/tt&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team log URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request approval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A passphrase is required outside dev: the key must not lie on disk unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a passphrase of at least 8 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the store and your identity %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1
Key: %2 (%3)
Roles: %4

Pin this admin key in the deployment config: outside dev the console refuses to start without it. Paste these lines into config.yaml:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unencrypted, dev only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team log is a postgresql:// URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the roles to request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot reach the team log %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested approval for %1 on the team log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Team log: %1
Key: %2
Roles requested: %3

An admin approves it in the console or with the command below; until then you can read the log but not act.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no evidence store on this machine yet. Every action in the console is recorded as signed evidence, so it starts with a store and an identity that signs. Choose how to begin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new evidence log at %1, and your first identity: its admin, with a signing key kept in %2 and protected by a passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The identity needs a name of letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;@&apos; or &apos;-&apos; that starts with a letter or digit (at most 64 characters, no spaces).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by the desktop&apos;s keychain, which unlocks with your session: signing in is then one click. Leave it off on a shared account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::HandoffView</name>
    <message>
        <source>Handoff checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charter values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charter value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible for S03 lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eligible for S03 lock (Tier A/B, signed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking S03</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blocking S03 (Tier C, INFEASIBLE, unsigned)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required charter values, comma-separated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required charter values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declare charter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unresolved threats to validity, one a line (empty: none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threats to validity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record threats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attest: no forbidden run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The analyst confirms no training, Airflow, cluster, Phase-2 run, model or threshold selection occurred (§12)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S03 locker (identity)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S03 locker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export although incomplete; the package says DRAFT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export package…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the S03 handoff package</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handoff package (*.tar.zst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HANDOFF COMPLETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HANDOFF INCOMPLETE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A signed .tar.zst with its manifest and HANDOFF.md</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::HandoverDialog</name>
    <message>
        <source>Shift handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whoever takes the shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hand over to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The brief as it will be signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign and hand over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the handover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the handover to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(sign in to hand over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: a handover is signed by who gives it and who takes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed over (%1 items), signed by %2 as event %3; the incoming operator acknowledges it here or with `handover ack %3`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged the handover of %1 (event %2), recorded as event %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::IncidentDetailView</name>
    <message>
        <source>Start rollback for this incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The core evidence record: fields marked * are required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Evidence record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A decision: contain vs repair, what is held, who does what</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The closure condition holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it holds, in words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification result (default: the latest record&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decisions &amp;&amp; closure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The postmortem: timeline, decisions, rollback against its objective, and proofs to check it offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the postmortem of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Markdown (*.md);;HTML (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1 · %2 · %3 on %4&lt;/h2&gt;&lt;b&gt;%5&lt;/b&gt; — %6&lt;br&gt;Trigger: %7&lt;br&gt;Opened %8 by %9 · owner %10</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 (%3/%4%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;Runs: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start runbook: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already rolling back %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision logged yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Closure condition:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Closed&lt;/b&gt; %1 by %2: %3 (verification: %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded — missing: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Core evidence record added to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision logged on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm that the closure condition holds first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close %1? A closed incident cannot be reopened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the timeline (who, what, event)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision log</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::IncidentsPanel</name>
    <message>
        <source>Incidents &amp; Rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open incident…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open an incident by hand (Ctrl+I); from the Alerts panel it comes prefilled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runbook and rollback runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A drill runs the same checklist; a finished drill is what proves the objective</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback (restore %1 min, integrity %2 min)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Incidents&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Runs&lt;/b&gt; — checklists and rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an incident or a run, or open an incident from a firing alert.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store: incidents cannot be read or recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read incidents: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (drill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No run in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 missed its %2 deadline: recorded on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 deadline missed by %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2: %3 %4 left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: every intervention is signed evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a rollback drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start a rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start %1 on %2 now? The clocks start at once: restore within %3 min, integrity within %4 min.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rollback drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a rollback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A missed deadline could not be recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: generating a report is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1postmortem of %2 written to %3 (event %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DRAFT </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter incidents (id, class, scope, owner)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter incidents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List finished checklists and rollbacks too, to read their record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · finished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::KillSwitchBox</name>
    <message>
        <source>Kill switches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation localities, e.g. kl,pg (probed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2 since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No kill switch is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bad pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active on %1 since %2 by %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last deactivated %1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never used on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A kill switch needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate kill switch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 the %2 kill switch on %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation locality &apos;%1&apos; is not a scope of the configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 kill switch %2 on %3 (event %4, signed by %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>activated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validating on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b style=&apos;color:%1&apos;&gt;Active:&lt;/b&gt; %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchBackgroundAct</name>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress of the running check</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchBanner</name>
    <message>
        <source>%1 recorded by %2 at %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence now says %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GO — every check holds, three sign-offs verify, no no-go rule holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no launch started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 checks hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of 3 sign-offs valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 no-go rule holds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 no-go rules hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO-GO — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rehearsal: the %1 environment, not prod</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchChecklistModel</name>
    <message>
        <source>not recorded yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchChecklistView</name>
    <message>
        <source>Checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%v of %m checks hold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch-day checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence of the selected check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: what was observed (the publish job, the version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note for the check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2 at %3 (event %4)%5

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not holding yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed or stale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchDecisionView</name>
    <message>
        <source>No-go rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go and clear it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-offs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record NO-GO…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ %1 · %2 · verifies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 at %2, key %3, record %4…%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open launch to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as an identity with the %1 role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 does not hold the %2 role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed as %2; one identity never signs two roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every check must hold before anyone signs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed and still valid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the launch record %1… as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The evidence says NO-GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a release owner decides</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record GO, signed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End this launch attempt as NO-GO, with a note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::LaunchPanel</name>
    <message>
        <source>Launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope to launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App build, e.g. 2026.11.23-rc1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App build</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The launch record (JSON), the checksums file and every sign-off statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the launch record into</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store: nothing can be validated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · scope %2 · build %3 · started by %4 at %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No launch yet: choose the scope and the app build, then start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open launch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks are recorded by a release owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in first: every launch check is signed evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: %2 (event %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release build files to checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the evidence as a signed bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence bundles (*.tar.zst)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Config snapshot verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Confirm that this holds, with the note as its evidence?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs a note on what was observed (the publish job and the version it published)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing for %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 probed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence archived to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Launch record exported to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign launch %1 (scope %2, build %3) as %4?

Your signature covers the launch record %5…; any later change to the checklist invalidates it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sign-off recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record GO for %1 (build %2)? This ends the launch checklist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record NO-GO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this launch attempt ends as NO-GO:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 recorded (event %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Build checksums archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archiving the evidence to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still busy with the last check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled: nothing was recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashing %1 of build files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hashing the build files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This check runs on a connection of its own, which needs the team log: it cannot be reached now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::MainWindow</name>
    <message>
        <source>opsconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opsconsole main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command palette…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About opsconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probes: unknown (not probed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set (redacted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About opsconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;opsconsole %1&lt;/h3&gt;&lt;p&gt;Operator console for running a content-publishing pipeline truthfully under failure.&lt;/p&gt;&lt;p&gt;Environment: &lt;b&gt;%2&lt;/b&gt;&lt;br&gt;Config: %3&lt;br&gt;Evidence store: %4&lt;br&gt;Operator token: %5&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked after %1 s without input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no evidence store to sign in to yet. Create one with:

opsconsole-cli init --identity NAME --roles operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as %1 · Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock the console (Ctrl+L): your key is dropped from memory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked · Sign in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in to acknowledge alerts and record evidence (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in / lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify a verdict offline…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep monitoring when the window closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closing the window hides it to the tray; probing, recording and notifications go on until Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray: closing the window stops monitoring (run opsconsole-cli monitor for a recorder without a window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show opsconsole</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Probe now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opsconsole keeps monitoring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alerts are still probed, recorded and notified. Quit from the tray menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shift &amp;handover…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::NoGoRuleModel</name>
    <message>
        <source>Looked at: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To clear: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rollback objective proven by a drill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kill switches defined and tested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stale-pack alerting on every supported scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Publish failures routed to a visible alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No silence on a scope&apos;s stale-pack or resolver alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every critical scope validated by its last probe</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::OpenIncidentDialog</name>
    <message>
        <source>Open incident</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (critical)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this severity, when it differs from the suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert or observation that started this</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;verity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trigger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested by the severity model: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what triggered it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A severity other than the suggestion needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::ProbeStripModel</name>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h / %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not probed yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>expected %1
actual   %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sha256 %1… matches the manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age / threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not computed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEGRADED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STALE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::ProbeStripView</name>
    <message>
        <source>Probe targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy target details and digests</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::ProofSectionModel</name>
    <message>
        <source>Section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::ProofsView</name>
    <message>
        <source>Import capture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize a test-output capture file (demo-output.txt, fi-traceability-output.txt, …)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a test-output capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captures (*.txt *.log *.out);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or paste a capture here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pasted capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summarize pasted text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded proof summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture of that summary is not in this store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capture yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failures by layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the capture says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Debug action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record as evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded yet: sign in, then Record as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as event %1, the capture attached (SHA-256 %2…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INCOMPLETE — nothing proven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 passed · %2 failed · %3 not run · %4 skipped   (%5, %6 lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failure(s), %2 skip(s) or fallback(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No pattern matched</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pattern %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more findings not listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Line %1&lt;/b&gt; (%2): %3&lt;br&gt;&lt;b&gt;→ %4&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 · %3 passed, %4 failed · #%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections of the capture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::RecordView</name>
    <message>
        <source>The record&apos;s fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Validation rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes against the superseded record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The record&apos;s history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No record selected.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>typed INFEASIBLE (%1) — a successful outcome when signed; blocks %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>derivation of %1, tier %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:%1&quot;&gt;Eligible for S03 lock&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S03: blocking — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-derivation of %1 (%2): %3 field(s) changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Superseded by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported by %2 from %3 (event %4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 by %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 risk-owner note by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed by %2 — the signature verifies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 signed by %2 — THE SIGNATURE DOES NOT VERIFY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key %1; statement %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2 by %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handed to S03 before it ended: notify S03 (§10)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::RunChecklistView</name>
    <message>
        <source>Note for the step — or the reason when it failed or is skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I confirm the action was done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach a file to the step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checksum file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File whose SHA-256 is the step&apos;s checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebind via publisher…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;%1 · %2%3&lt;/h2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (drill)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scope %1 · started %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Closure condition:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:%1&apos;&gt;Finished: objective met&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b style=&apos;color:%1&apos;&gt;Finished: objective NOT met&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Finished&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Safe manifest restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Integrity confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met at %1, %2 to spare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>met late at %1, %2 over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MISSED — deadline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>left, deadline %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The runbook does not allow skipping this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No publisher.rebind URL in the configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probe and mark done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attach %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checksum %1 %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Probing %1 for step %2…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the services</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebind the active manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebind the active manifest of %1 to its last known good pack?

The publisher API at %2 is called now; its response is kept as evidence and the manifest and pack are read back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebind done (audit %1); readback: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebind failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::RunStepsModel</name>
    <message>
        <source>(probe %1%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, must pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skippable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>probe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::SilenceDialog</name>
    <message>
        <source>Silence %1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The alert keeps its state and keeps firing into the evidence log; the matrix shows it as SILENCED. Only its notifications wait until the silence ends.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>30 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>8 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why these notifications may wait (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason for the silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::SilencesView</name>
    <message>
        <source>Silences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No silence in force and no maintenance window in the next 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in force, %2 maintenance windows coming up. A silenced alert keeps firing into the log and shows as SILENCED; only notifications wait.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::StepStatusText</name>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::StoreStatusView</name>
    <message>
        <source>Trust root not pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store&apos;s keys are trusted on first use: whoever can write the store file could rewrite its history and this console would not know. Pin the admin keys under trust.admins in the deployment config (opsconsole-cli init prints the lines).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence store: %1
Config: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence store %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outbox synced: acts appended to the team log: %1, refused: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acts made offline were refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The team log refused acts made while it could not be reached (%1). They are kept in the outbox as rejected; look at what came first and act again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM (SEV-1): the team log was rewritten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

This console writes nothing more to the team log until the alarm is investigated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNSYNCED: 1 act since %1 — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UNSYNCED: %1 acts since %2 — </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALARM (SEV-1): the team log was rewritten: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, checkpoint %2 signed by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — witnesses unknown (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — not yet witnessed (0 of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — witnessed by %1 (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1 (not created yet: run opsconsole-cli init)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · local file %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store: %1 · PROBLEM: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::TrendCharts</name>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest age (h) against the freshness threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifest age chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a cell of the matrix: its scope&apos;s trends appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>manifest age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no probe samples in this window yet (unknown, not healthy).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: 1 sample since %2, %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 samples since %3, %4 failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::UnlockDialog</name>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you do in the console is recorded as evidence signed with your key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This store has no identities yet: create one with opsconsole-cli init.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not needed: this dev key is not encrypted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot sign in as %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remember the passphrase in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept by the desktop&apos;s keychain, which unlocks with your session; anyone at this unlocked session can then sign in as you with one click.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept in the keychain: leave empty and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain no longer holds the passphrase of %1: type it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not keep the passphrase: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in as %1 with the passphrase kept in the keychain failed: %2. Type the passphrase.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::VerdictDialog</name>
    <message>
        <source>Verify a verdict offline</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::VerdictView</name>
    <message>
        <source>score.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verdict.sig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verdict.pub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bundles (*.tar.gz *.tgz *.tar.zst);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signatures (*.sig *.b64);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Public keys (*.pub *.pem);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a results/ folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A results/ folder with score.json, the bundle, verdict.sig and verdict.pub</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the four files, then Verify offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recorded as event %1 with the four files attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: sign in to record verifications as evidence.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found the four files in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick all four files first (or a results/ folder).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERDICT VALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VERDICT INVALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No network was used: every check ran on the four local files; the bundle was read in memory, never extracted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ops::ui::VerdictsPage</name>
    <message>
        <source>A verdict is score.json, its evidence bundle, verdict.sig and verdict.pub. Verification is offline: the signature, the bundle&apos;s digest, its entries and every listed file are checked on the local files, never over the network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify a verdict…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the four files or a results/ folder (Ctrl+Shift+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified so far (double-click to open the event):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdicts verified so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks of the selected verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No evidence store: verifications can still be run, but not recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 · key %3 · by %4 · #%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ VALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ INVALID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No verdict verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The verdicts cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
