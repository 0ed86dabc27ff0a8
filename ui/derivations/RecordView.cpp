#include "RecordView.h"

#include "DerivationItems.h"

#include "common/TimeFormat.h"

#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;
using namespace derivation_items;

RecordView::RecordView(QWidget *parent)
    : QWidget(parent) {
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
    m_fields = new QTableWidget(0, 2, top);
    m_fields->setObjectName(QStringLiteral("recordFields"));
    m_fields->setAccessibleName(tr("The record's fields"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Value")});
    m_fields->verticalHeader()->hide();
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fields->setWordWrap(false);
    m_fields->verticalHeader()->setDefaultSectionSize(m_fields->fontMetrics().height() + 6);
    m_rules = new QListWidget(top);
    m_rules->setObjectName(QStringLiteral("ruleResults"));
    m_rules->setAccessibleName(tr("Validation rules"));
    m_rules->setWordWrap(true);
    top->addWidget(m_fields);
    top->addWidget(m_rules);
    auto *bottom = new QWidget(split);
    auto *bl = new QVBoxLayout(bottom);
    bl->setContentsMargins(0, 0, 0, 0);
    m_diffTitle = new QLabel(bottom);
    m_diffTitle->setObjectName(QStringLiteral("supersedeDiffTitle"));
    m_diffTitle->setWordWrap(true);
    bl->addWidget(m_diffTitle);
    m_diff = new QTableWidget(0, 3, bottom);
    m_diff->setObjectName(QStringLiteral("supersedeDiff"));
    m_diff->setAccessibleName(tr("Changes against the superseded record"));
    m_diff->setHorizontalHeaderLabels({tr("Field"), tr("Superseded"), tr("This record")});
    m_diff->verticalHeader()->hide();
    m_diff->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_diff->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_diff->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    bl->addWidget(m_diff, 1);
    m_history = new QListWidget(bottom);
    m_history->setObjectName(QStringLiteral("recordHistory"));
    m_history->setAccessibleName(tr("The record's history"));
    m_history->setWordWrap(true);
    bl->addWidget(m_history, 1);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    l->addWidget(split, 1);
}

void RecordView::showRecord(const RecordState *record, const DerivationBook &book, bool signatureVerifies) {
    const RecordState *s = record;
    m_fields->setRowCount(0);
    m_rules->clear();
    m_diff->setRowCount(0);
    m_history->clear();
    if (!s) {
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
    for (const QString &f :
         DerivationRecord::templateFields(r.type) + DerivationRecord::optionalFields(r.type)) {
        const JsonValue *v = r.fields.find(f.toStdString());
        if (!v)
            continue;
        const int row = m_fields->rowCount();
        m_fields->insertRow(row);
        m_fields->setItem(row, 0, item(f));
        m_fields->setItem(row, 1, item(fieldText(*v)));
    }
    for (const RuleCheck &c : DerivationRules::check(r)) {
        if (c.ok) {
            m_rules->addItem(line(QStringLiteral("✔ ") + c.title, tone(this, QLatin1String(kGreen))));
        } else {
            QStringList why;
            for (const Diagnostic &d : c.findings)
                why << d.message;
            m_rules->addItem(line(QStringLiteral("✘ %1 — %2").arg(c.title, why.join(QStringLiteral("; "))),
                                  tone(this, QLatin1String(kRed))));
        }
    }
    // The diff against the record this one supersedes.
    const QString previous = s->supersedes.isEmpty() ? r.supersedes() : s->supersedes;
    const RecordState *old = previous.isEmpty() ? nullptr : book.record(previous);
    m_diff->setVisible(old != nullptr);
    if (old) {
        QStringList names =
            DerivationRecord::templateFields(r.type) + DerivationRecord::optionalFields(r.type);
        int changed = 0;
        for (const QString &f : names) {
            const JsonValue *a = old->record.fields.find(f.toStdString());
            const JsonValue *b = r.fields.find(f.toStdString());
            if (!a && !b)
                continue;
            const QString before = a ? fieldText(*a) : QString(), after = b ? fieldText(*b) : QString();
            if (before == after)
                continue;
            ++changed;
            const int row = m_diff->rowCount();
            m_diff->insertRow(row);
            m_diff->setItem(row, 0, item(f));
            m_diff->setItem(row, 1, item(before, tone(this, QLatin1String(kRed))));
            m_diff->setItem(row, 2, item(after, tone(this, QLatin1String(kGreen))));
        }
        m_diffTitle->setText(tr("Re-derivation of %1 (%2): %3 field(s) changed")
                                 .arg(old->record.id, recordStatusName(old->status))
                                 .arg(changed));
    } else {
        m_diffTitle->setText(s->supersededBy.isEmpty() ? QString()
                                                       : tr("Superseded by %1").arg(s->supersededBy));
    }
    // History.
    m_history->addItem(line(tr("%1 imported by %2 from %3 (event %4)")
                                .arg(TimeFormat::minutes(s->importedMs), s->importer, s->file)
                                .arg(s->importedSeq),
                            tone(this, QLatin1String(kGray))));
    for (const ReviewEntry &rv : s->reviews)
        m_history->addItem(
            line(tr("%1 %2 by %3%4")
                     .arg(TimeFormat::minutes(rv.tsMs), rv.accepted ? tr("accepted") : tr("rejected"),
                          rv.actor, rv.reason.isEmpty() ? QString() : QStringLiteral(": ") + rv.reason),
                 rv.accepted ? QLatin1String(kGreen) : tone(this, QLatin1String(kRed))));
    for (const NoteEntry &n : s->riskNotes)
        m_history->addItem(
            line(tr("%1 risk-owner note by %2: %3").arg(TimeFormat::minutes(n.tsMs), n.actor, n.text),
                 tone(this, QLatin1String(kGray))));
    if (s->signature) {
        const bool verifies = signatureVerifies;
        auto *sig =
            line(verifies ? tr("%1 signed by %2 — the signature verifies")
                                .arg(TimeFormat::minutes(s->signature->tsMs), s->signature->signer)
                          : tr("%1 signed by %2 — THE SIGNATURE DOES NOT VERIFY")
                                .arg(TimeFormat::minutes(s->signature->tsMs), s->signature->signer),
                 verifies ? tone(this, QLatin1String(kGreen)) : tone(this, QLatin1String(kRed)),
                 tr("Key %1; statement %2")
                     .arg(s->signature->keyFingerprint, QString::fromStdString(s->signature->statement)));
        sig->setData(Qt::UserRole, verifies);
        m_history->addItem(sig);
    }
    if (s->ended)
        m_history->addItem(line(tr("%1 %2 by %3: %4")
                                    .arg(TimeFormat::minutes(s->ended->tsMs), recordStatusName(s->status),
                                         s->ended->actor, s->ended->text),
                                tone(this, QLatin1String(kGray))));
    if (s->s03NotificationRequired)
        m_history->addItem(
            line(tr("Handed to S03 before it ended: notify S03 (§10)"), tone(this, QLatin1String(kRed))));
}

} // namespace ops::ui
