#include "RecordView.h"

#include "DerivationItems.h"

#include "common/TimeFormat.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;
using namespace derivation_items;

namespace {

QTableView *newTable(QWidget *parent, const char *name, const QString &accessible, LinesModel *model) {
    auto *t = new QTableView(parent);
    t->setObjectName(QLatin1String(name));
    t->setAccessibleName(accessible);
    t->setModel(model);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setWordWrap(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 6);
    return t;
}

QListView *newList(QWidget *parent, const char *name, const QString &accessible, LinesModel *model) {
    auto *l = new QListView(parent);
    l->setObjectName(QLatin1String(name));
    l->setAccessibleName(accessible);
    l->setModel(model);
    l->setEditTriggers(QAbstractItemView::NoEditTriggers);
    l->setWordWrap(true);
    l->setResizeMode(QListView::Adjust);
    return l;
}

} // namespace

RecordView::RecordView(QWidget *parent)
    : QWidget(parent)
    , m_fieldLines(new LinesModel({tr("Field"), tr("Value")}, this))
    , m_ruleLines(new LinesModel({}, this))
    , m_diffLines(new LinesModel({tr("Field"), tr("Superseded"), tr("This record")}, this))
    , m_historyLines(new LinesModel({}, this)) {
    QWidget *w = this;
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(0, 0, 0, 0);
    m_header = new QLabel(w);
    m_header->setObjectName(QStringLiteral("recordHeader"));
    m_header->setWordWrap(true);
    m_header->setTextFormat(Qt::RichText);
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->addWidget(m_header);

    auto *split = new QSplitter(Qt::Vertical, w);
    auto *top = new QSplitter(Qt::Vertical, split);
    m_fields = newTable(top, "recordFields", tr("The record's fields"), m_fieldLines);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_rules = newList(top, "ruleResults", tr("Validation rules"), m_ruleLines);
    top->addWidget(m_fields);
    top->addWidget(m_rules);
    auto *bottom = new QWidget(split);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    m_diffTitle = new QLabel(bottom);
    m_diffTitle->setObjectName(QStringLiteral("supersedeDiffTitle"));
    m_diffTitle->setWordWrap(true);
    bl->addWidget(m_diffTitle);
    m_diff = newTable(bottom, "supersedeDiff", tr("Changes against the superseded record"), m_diffLines);
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    bl->addWidget(m_diff, 1);
    m_history = newList(bottom, "recordHistory", tr("The record's history"), m_historyLines);
    bl->addWidget(m_history, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    l->addWidget(split, 1);
}

void RecordView::showRecord(const RecordState *record, const DerivationBook &book, bool signatureVerifies) {
    const RecordState *s = record;
    if (!s) {
        for (LinesModel *m : {m_fieldLines, m_ruleLines, m_diffLines, m_historyLines})
            m->setLines({});
        m_header->setText(tr("<b>No record selected.</b>"));
        m_diffTitle->setText(QString());
        m_diff->setVisible(false);
        return;
    }
    const DerivationRecord &r = s->record;
    const auto [colour, words] = statusLook(*s);
    const QString kind = r.isInfeasible()
                             ? tr("typed INFEASIBLE (%1) — a successful outcome when signed; blocks %2")
                                   .arg(r.reason(), r.text("blocked_downstream").toHtmlEscaped())
                             : tr("derivation of %1, tier %2, %3")
                                   .arg(r.valueName().toHtmlEscaped(), r.costTier(), r.lockability());
    const QString blocks = s->blocksS03();
    m_header->setText(QStringLiteral("<b>%1</b> &nbsp; <span style=\"color:%2\"><b>%3</b></span><br>%4<br>%5")
                          .arg(r.id.toHtmlEscaped(), tone(this, colour).name(), words.toHtmlEscaped(), kind,
                               blocks.isEmpty() ? tr("<span style=\"color:%1\">Eligible for S03 lock</span>")
                                                      .arg(tone(this, QLatin1String(kGreen)).name())
                                                : tr("S03: blocking — %1").arg(blocks.toHtmlEscaped())));
    QList<LinesModel::Line> fields;
    for (const QString &f :
         DerivationRecord::templateFields(r.type) + DerivationRecord::optionalFields(r.type))
        if (const JsonValue *v = r.fields.find(f.toStdString()))
            fields.append({{f, fieldText(*v)}, {}, {}, {}, {}});
    m_fieldLines->setLines(fields);
    QList<LinesModel::Line> rules;
    for (const RuleCheck &c : DerivationRules::check(r)) {
        const QString title =
            QCoreApplication::translate("ops::DerivationRules", c.title.toUtf8().constData());
        if (c.ok) {
            rules.append({{QStringLiteral("✔ ") + title}, tone(this, QLatin1String(kGreen)), {}, true, {}});
        } else {
            QStringList why;
            for (const Diagnostic &d : c.findings)
                why << d.message;
            rules.append({{QStringLiteral("✘ %1 — %2").arg(title, why.join(QStringLiteral("; ")))},
                          tone(this, QLatin1String(kRed)),
                          {},
                          false,
                          {}});
        }
    }
    m_ruleLines->setLines(rules);
    showDiff(*s, book);
    m_historyLines->setLines(historyLines(*s, signatureVerifies));
}

void RecordView::showDiff(const RecordState &s, const DerivationBook &book) {
    const DerivationRecord &r = s.record;
    const QString previous = s.supersedes.isEmpty() ? r.supersedes() : s.supersedes;
    const RecordState *old = previous.isEmpty() ? nullptr : book.record(previous);
    m_diff->setVisible(old != nullptr);
    QList<LinesModel::Line> changes;
    if (!old) {
        m_diffLines->setLines({});
        m_diffTitle->setText(s.supersededBy.isEmpty() ? QString()
                                                      : tr("Superseded by %1").arg(s.supersededBy));
        return;
    }
    for (const QString &f :
         DerivationRecord::templateFields(r.type) + DerivationRecord::optionalFields(r.type)) {
        const JsonValue *a = old->record.fields.find(f.toStdString());
        const JsonValue *b = r.fields.find(f.toStdString());
        if (!a && !b)
            continue;
        const QString before = a ? fieldText(*a) : QString(), after = b ? fieldText(*b) : QString();
        if (before != after)
            changes.append({{f, before, after},
                            {},
                            {},
                            {},
                            {QColor(), tone(this, QLatin1String(kRed)), tone(this, QLatin1String(kGreen))}});
    }
    m_diffLines->setLines(changes);
    m_diffTitle->setText(tr("Re-derivation of %1 (%2): %3 field(s) changed")
                             .arg(old->record.id, recordStatusName(old->status))
                             .arg(changes.size()));
}

QList<LinesModel::Line> RecordView::historyLines(const RecordState &s, bool signatureVerifies) const {
    const QColor gray = tone(this, QLatin1String(kGray));
    QList<LinesModel::Line> lines;
    lines.append({{tr("%1 imported by %2 from %3 (event %4)")
                       .arg(TimeFormat::minutes(s.importedMs), s.importer, s.file)
                       .arg(s.importedSeq)},
                  gray,
                  {},
                  {},
                  {}});
    for (const ReviewEntry &rv : s.reviews)
        lines.append(
            {{tr("%1 %2 by %3%4")
                  .arg(TimeFormat::minutes(rv.tsMs), rv.accepted ? tr("accepted") : tr("rejected"), rv.actor,
                       rv.reason.isEmpty() ? QString() : QStringLiteral(": ") + rv.reason)},
             tone(this, QLatin1String(rv.accepted ? kGreen : kRed)),
             {},
             {},
             {}});
    for (const NoteEntry &n : s.riskNotes)
        lines.append({{tr("%1 risk-owner note by %2: %3").arg(TimeFormat::minutes(n.tsMs), n.actor, n.text)},
                      gray,
                      {},
                      {},
                      {}});
    if (s.signature) {
        const bool verifies = signatureVerifies;
        lines.append({{verifies ? tr("%1 signed by %2 — the signature verifies")
                                      .arg(TimeFormat::minutes(s.signature->tsMs), s.signature->signer)
                                : tr("%1 signed by %2 — THE SIGNATURE DOES NOT VERIFY")
                                      .arg(TimeFormat::minutes(s.signature->tsMs), s.signature->signer)},
                      tone(this, QLatin1String(verifies ? kGreen : kRed)),
                      tr("Key %1; statement %2")
                          .arg(s.signature->keyFingerprint, QString::fromStdString(s.signature->statement)),
                      verifies,
                      {}});
    }
    if (s.ended)
        lines.append({{tr("%1 %2 by %3: %4")
                           .arg(TimeFormat::minutes(s.ended->tsMs), recordStatusName(s.status),
                                s.ended->actor, s.ended->text)},
                      gray,
                      {},
                      {},
                      {}});
    if (s.s03NotificationRequired)
        lines.append({{tr("Handed to S03 before it ended: notify S03 (§10)")},
                      tone(this, QLatin1String(kRed)),
                      {},
                      {},
                      {}});
    return lines;
}

} // namespace ops::ui
