// Reading a proof run's capture: its sections, counts and failures, classified by the rules.
#include "ProofCaptureShapes.h"
#include "ProofSummary.h"

#include "crypto/Sha256.h"

#include <QRegularExpression>
#include <QSet>

#include <limits>

namespace ops {

namespace {

// Words of a summary's warnings, in English as recorded and in the reader's language when shown.
Phrase say(const char *source, std::vector<Phrase> args = {}) {
    return Phrase("ops::Proofs", source, std::move(args));
}

} // namespace

using namespace capture;

ProofSummary summarizeCapture(const QByteArray &capture, const FailureRules &rules) {
    const Shapes &s = shapes();
    ProofSummary out;
    std::vector<SectionState> sections(1);
    std::size_t cur = 0;
    QString stated;
    int lineNo = 0;

    // A header names the current section when nothing was counted in it yet, else starts one.
    // A summary header ("=== Edge FI Test Summary ===") sums up the tests printed above it: it
    // names the open section instead, so that its block covers their per-test lines.
    auto startSection = [&](const QString &name, bool summaryHeader) {
        if (summaryHeader && !sections[cur].closed) {
            if (!sections[cur].named)
                sections[cur].name = name, sections[cur].named = true;
            return;
        }
        sections[cur].endBlock();
        if (sections[cur].any() || sections[cur].closed) {
            sections.emplace_back();
            cur = sections.size() - 1;
        }
        sections[cur].name = name;
        sections[cur].named = true;
    };
    // The section a counted line belongs to.
    auto current = [&]() -> SectionState & {
        if (sections[cur].closed) {
            sections.emplace_back();
            cur = sections.size() - 1;
        }
        return sections[cur];
    };
    auto validationSection = [&]() -> SectionState & {
        for (SectionState &x : sections)
            if (x.named && x.name == QLatin1String("validation") && &x != &sections[cur])
                return x;
        if (sections[cur].named && sections[cur].name == QLatin1String("validation"))
            return sections[cur];
        // Its own section, placed before the one being read when that one is still empty.
        SectionState v;
        v.name = QStringLiteral("validation");
        v.named = true;
        v.closed = true;
        if (!sections[cur].any() && !sections[cur].named) {
            sections[cur] = v;
            return sections[cur];
        }
        sections[cur].endBlock();
        sections.push_back(v);
        cur = sections.size() - 1;
        return sections[cur];
    };
    auto counted = [&]() -> SectionState & {
        SectionState &x = current();
        x.touch(lineNo);
        return x;
    };
    auto noteSubject = [](SectionState &x, const QString &subject) {
        if (x.subjects++ == 0)
            x.subject = subject;
    };
    const QByteArray bytes = capture.left(ProofSummary::kMaxCaptureBytes);
    if (capture.size() > bytes.size())
        out.warnings << say(
            QT_TRANSLATE_NOOP("ops::Proofs",
                              "the capture is larger than %1 MiB; only its beginning was read"),
            {QString::number(ProofSummary::kMaxCaptureBytes / (1024 * 1024))});

    auto addFinding = [&](ProofFinding f) {
        QList<ProofFinding> &list = f.kind == FindingKind::Failure ? out.failures : out.notes;
        if (out.failures.size() + out.notes.size() >= ProofSummary::kMaxFindings) {
            ++out.findingsOmitted;
            return;
        }
        list << std::move(f);
    };

    qsizetype pos = 0;
    while (pos < bytes.size()) {
        qsizetype end = bytes.indexOf('\n', pos);
        if (end < 0)
            end = bytes.size();
        ++lineNo;
        const QByteArrayView raw(bytes.constData() + pos, qMin<qsizetype>(end - pos, kMaxLineChars * 4));
        pos = end + 1;
        QString line = QString::fromUtf8(raw).left(kMaxLineChars);
        if (line.contains(QChar(0x1b)))
            line.remove(s.ansi);
        line.remove(QLatin1Char('\r'));
        const QString trimmed = line.trimmed();
        if (trimmed.isEmpty())
            continue; // blank lines do not end a summary block

        bool summaryLine = false;
        bool countedFailure = false;
        Counts block;
        unsigned has = 0;
        QString headerName;
        bool summaryHeader = false;

        if (auto h = firstMatch(line, {&s.barHeader, &s.markdownHeader, &s.qtStart});
            h.hasMatch() && !s.pytest.match(line).hasMatch() &&
            !s.pytestBar.match(h.captured(1).trimmed()).hasMatch() && !s.overall.match(line).hasMatch())
            headerName = sectionName(h.captured(1), &summaryHeader);
        if (!headerName.isEmpty()) {
            startSection(headerName, summaryHeader);
            continue;
        }

        if (auto kc = s.keyCount.match(line); kc.hasMatch()) {
            const QString key = kc.captured(1).toLower();
            const qint64 n = countFrom(kc.captured(2));
            if (key.startsWith(QLatin1String("pass")))
                block.pass = n;
            else if (key.startsWith(QLatin1String("fail")) || key.startsWith(QLatin1String("error")))
                block.fail = n;
            else if (key.startsWith(QLatin1String("skip")))
                block.skip = n;
            else
                block.notRun = n;
            has = key.startsWith(QLatin1String("pass"))                                             ? kPassKey
                  : key.startsWith(QLatin1String("fail")) || key.startsWith(QLatin1String("error")) ? kFailKey
                  : key.startsWith(QLatin1String("skip"))                                           ? kSkipKey
                                                          : kNotRunKey;
            summaryLine = true;
        } else if (auto pt = firstMatch(line, {&s.pytest, &s.totals}); pt.hasMatch()) {
            auto it = s.pytestPart.globalMatch(pt.captured(1));
            while (it.hasNext()) {
                const auto part = it.next();
                const qint64 n = countFrom(part.captured(1));
                const QString what = part.captured(2).toLower();
                if (what == QLatin1String("passed") || what == QLatin1String("xpassed"))
                    block.pass = saturatingAdd(block.pass, n);
                else if (what == QLatin1String("failed") || what.startsWith(QLatin1String("error")))
                    block.fail = saturatingAdd(block.fail, n);
                else if (what == QLatin1String("skipped"))
                    block.skip = saturatingAdd(block.skip, n);
                else // deselected, xfailed, blacklisted: excluded on purpose
                    block.notRun = saturatingAdd(block.notRun, n);
            }
            // A total line states every kind, zero included.
            has = kAllKeys;
            if (!sections[cur].named && !sections[cur].closed) {
                sections[cur].name =
                    s.pytest.match(line).hasMatch() ? QStringLiteral("pytest") : QStringLiteral("QtTest");
                sections[cur].named = true;
            }
            summaryLine = true;
        } else if (auto gtt = s.gtestTotal.match(line); gtt.hasMatch()) {
            const QString v = gtt.captured(1).toUpper();
            const qint64 n = countFrom(gtt.captured(2));
            (v == QLatin1String("PASSED")   ? block.pass
             : v == QLatin1String("FAILED") ? block.fail
                                            : block.skip) = n;
            has = v == QLatin1String("PASSED")   ? kPassKey
                  : v == QLatin1String("FAILED") ? kFailKey
                                                 : kSkipKey;
            summaryLine = true;
        } else if (auto ctt = s.ctestTotal.match(line); ctt.hasMatch()) {
            const Counts &pending = current().pending;
            const qint64 failed = countFrom(ctt.captured(2));
            const qint64 all = countFrom(ctt.captured(3));
            block.fail = failed;
            // ctest counts Not Run and Skipped tests among the "passed": take what its own
            // per-test lines said when there were any, so a skip never becomes a pass.
            const qint64 excluded = pending.notRun + pending.skip;
            block.notRun = pending.notRun;
            block.skip = pending.skip;
            block.pass = qMax<qint64>(0, all - failed - excluded);
            has = kAllKeys;
            if (!sections[cur].named && !sections[cur].closed)
                sections[cur].name = QStringLiteral("ctest"), sections[cur].named = true;
            summaryLine = true;
        }

        if (summaryLine) {
            SectionState &sec = current();
            sec.block.add(block);
            sec.blockHas |= has;
            sec.inBlock = true;
            sec.touch(lineNo);
            continue;
        }
        sections[cur].endBlock();

        if (auto ov = s.overall.match(line); ov.hasMatch()) {
            stated = ov.captured(1).toUpper();
            continue;
        }

        if (auto vm = s.validation.match(line); vm.hasMatch()) {
            const bool passed = vm.captured(1).compare(QLatin1String("PASS"), Qt::CaseInsensitive) == 0;
            const QString fields = vm.captured(2);
            const auto checks = s.checksField.match(fields);
            const auto failed = s.failedField.match(fields);
            Counts c;
            if (passed) {
                c.pass = checks.hasMatch() ? countFrom(checks.captured(1)) : 1;
            } else {
                c.fail = failed.hasMatch() ? qMax<qint64>(1, countFrom(failed.captured(1))) : 1;
                if (checks.hasMatch())
                    c.pass = qMax<qint64>(0, countFrom(checks.captured(1)) - c.fail);
                countedFailure = true;
            }
            SectionState &v = validationSection();
            v.total.add(c);
            v.touch(lineNo);
        } else if (auto nv = s.namedVerdict.match(line); nv.hasMatch()) {
            SectionState &sec = current();
            if (nv.captured(2).toUpper().startsWith(QLatin1String("SKIP")))
                ++sec.pending.skip;
            else
                ++sec.pending.notRun;
            sec.touch(lineNo);
            noteSubject(sec, nv.captured(1).trimmed());
        } else if (auto gt = s.goTest.match(line); gt.hasMatch()) {
            const QString v = gt.captured(1).toUpper();
            if (v == QLatin1String("PASS"))
                ++counted().pending.pass;
            else if (v == QLatin1String("FAIL"))
                ++counted().pending.fail, countedFailure = true;
            else
                ++counted().pending.skip;
        } else if (auto gp = s.goPackage.match(line); gp.hasMatch()) {
            // Package lines sum up the --- lines above them; only a package that never ran
            // its tests (build or setup failed) is a failure of its own.
            if (!gp.captured(2).isEmpty() && gp.captured(1) == QLatin1String("FAIL"))
                ++counted().pending.fail, countedFailure = true;
            // Without a header of its own, a package's tests are one section named after it.
            SectionState &sec = sections[cur];
            if (!sec.named && !sec.closed && sec.any()) {
                static const QRegularExpression pkg(QStringLiteral(R"(^(?:ok|FAIL)\s+(\S+))"));
                sec.name = pkg.match(line).captured(1);
                sec.named = true;
                sec.closed = true;
                sec.touch(lineNo);
            }
        } else if (auto gtx = s.gtestTest.match(line); gtx.hasMatch()) {
            const QString v = gtx.captured(1).toUpper();
            if (v == QLatin1String("OK"))
                ++counted().pending.pass;
            else if (v == QLatin1String("FAILED"))
                ++counted().pending.fail, countedFailure = true;
            else
                ++counted().pending.skip;
        } else if (auto ctx = s.ctestTest.match(line); ctx.hasMatch()) {
            const QString v = ctx.captured(1).toLower();
            if (v == QLatin1String("passed"))
                ++counted().pending.pass;
            else if (v.contains(QLatin1String("not run")))
                ++counted().pending.notRun;
            else if (v.contains(QLatin1String("skipped")))
                ++counted().pending.skip;
            else
                ++counted().pending.fail, countedFailure = true;
        } else if (auto tp = s.tap.match(line); tp.hasMatch()) {
            const QString rest = tp.captured(2);
            const bool ok = tp.captured(1).compare(QLatin1String("ok"), Qt::CaseInsensitive) == 0;
            if (rest.contains(QLatin1String("# SKIP"), Qt::CaseInsensitive))
                ++counted().pending.skip;
            else if (rest.contains(QLatin1String("# TODO"), Qt::CaseInsensitive))
                ++counted().pending.notRun;
            else if (ok)
                ++counted().pending.pass;
            else
                ++counted().pending.fail, countedFailure = true;
        } else if (auto ptx = s.perTest.match(line); ptx.hasMatch()) {
            const QString v = ptx.captured(1).toUpper();
            if (v.startsWith(QLatin1String("PASS")))
                ++counted().pending.pass;
            else if (v.startsWith(QLatin1String("FAIL")))
                ++counted().pending.fail, countedFailure = true;
            else if (v.startsWith(QLatin1String("SKIP")))
                ++counted().pending.skip;
            else
                ++counted().pending.notRun;
        }

        // Classification: a rule decides what the line is; without one, a counted failure or a
        // line that looks like one is listed as unknown.
        const FailurePattern *rule = rules.classify(line);
        if (rule) {
            addFinding(ProofFinding{lineNo, trimmed.left(kMaxShownChars), rule->layer, rule->kind,
                                    rule->action, rule->id});
        } else if (countedFailure || s.failureMarker.match(line).hasMatch()) {
            addFinding(ProofFinding{lineNo, trimmed.left(kMaxShownChars), ProofLayer::Unknown,
                                    FindingKind::Failure, FailureRules::genericAction(), QString()});
        }
    }
    Counts total;
    for (SectionState &sec : sections) {
        sec.endBlock();
        if (!sec.any())
            continue;
        const Counts c = sec.counts();
        total.add(c);
        ProofSection p;
        p.name = sec.named ? sec.name
                 : sec.subjects == 1 && !sec.subject.isEmpty()
                     ? sec.subject
                     : (sec.first == sec.last ? QStringLiteral("line %1").arg(sec.first)
                                              : QStringLiteral("lines %1-%2").arg(sec.first).arg(sec.last));
        p.pass = c.pass;
        p.fail = c.fail;
        p.notRun = c.notRun;
        p.skip = c.skip;
        p.overall = verdictOf(c);
        p.firstLine = sec.first;
        p.lastLine = sec.last;
        out.sections << p;
    }
    out.lines = lineNo;
    out.pass = total.pass;
    out.fail = total.fail;
    out.notRun = total.notRun;
    out.skip = total.skip;
    out.statedOverall = stated;

    if (out.fail > 0 || stated == QLatin1String("FAIL")) {
        out.overall = QStringLiteral("FAIL");
        if (stated == QLatin1String("PASS"))
            out.warnings << say(
                QT_TRANSLATE_NOOP("ops::Proofs", "the capture states PASS but %1 failure(s) were counted"),
                {QString::number(out.fail)});
        if (out.fail == 0)
            out.warnings << say(
                QT_TRANSLATE_NOOP("ops::Proofs", "the capture states FAIL without a counted failure"));
    } else if (out.pass == 0) {
        out.overall = QStringLiteral("INCOMPLETE");
        if (stated == QLatin1String("PASS"))
            out.warnings << say(QT_TRANSLATE_NOOP(
                "ops::Proofs", "the capture states PASS but no executed check was counted"));
    } else if (stated == QLatin1String("INCOMPLETE")) {
        out.overall = QStringLiteral("INCOMPLETE");
    } else {
        out.overall = QStringLiteral("PASS");
    }
    if (out.overall == QLatin1String("PASS") && !out.failures.isEmpty())
        out.warnings << say(
            QT_TRANSLATE_NOOP(
                "ops::Proofs",
                "%1 line(s) look like failures although no check was counted failing; read them"),
            {QString::number(out.failures.size())});
    if (out.notRun > 0 || out.skip > 0)
        out.warnings << say(
            QT_TRANSLATE_NOOP("ops::Proofs", "%1 not run and %2 skipped: not passes and not coverage"),
            {QString::number(out.notRun), QString::number(out.skip)});
    return out;
}

} // namespace ops
