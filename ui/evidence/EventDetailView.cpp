#include "EventDetailView.h"

#include "common/Colours.h"
#include "common/ErrorText.h"
#include "common/StatusWidgets.h"
#include "core/CanonicalJson.h"
#include "core/FileUtil.h"
#include "core/Time.h"
#include "store/PgEvidenceStore.h"
#include "store/SqliteEvidenceStore.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace ops::ui {

using namespace colours;

namespace {

constexpr qint64 kInlineTextBytes = 1024 * 1024;

} // namespace

EventDetailView::EventDetailView(Browsed browsed, QWidget *parent)
    : QWidget(parent)
    , m_browsed(std::move(browsed))
    , m_relatedLines(new LinesModel({}, this))
    , m_attachmentLines(new LinesModel({}, this)) {
    QWidget *w = this;
    setObjectName(QStringLiteral("eventDetail"));
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(4, 0, 0, 0);
    m_header = new QLabel(tr("Select an event to see its bytes, signature and inclusion proof."), w);
    m_header->setObjectName(QStringLiteral("detailHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_header->font();
    bold.setBold(true);
    m_header->setFont(bold);
    l->addWidget(m_header);
    m_signature = new QLabel(w);
    m_signature->setObjectName(QStringLiteral("signatureStatus"));
    m_signature->setWordWrap(true);
    l->addWidget(m_signature);
    m_proof = new QLabel(w);
    m_proof->setObjectName(QStringLiteral("proofStatus"));
    m_proof->setWordWrap(true);
    l->addWidget(m_proof);
    auto *leafRow = new QHBoxLayout;
    leafRow->addWidget(new QLabel(tr("Leaf hash"), w));
    m_leaf = new QLineEdit(w);
    m_leaf->setObjectName(QStringLiteral("leafHash"));
    m_leaf->setReadOnly(true);
    m_leaf->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    leafRow->addWidget(m_leaf, 1);
    auto *copyLeaf = new QPushButton(tr("Copy"), w);
    copyLeaf->setObjectName(QStringLiteral("copyLeafButton"));
    connect(copyLeaf, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_leaf->text()); });
    leafRow->addWidget(copyLeaf);
    l->addLayout(leafRow);
    m_canonical = new QPlainTextEdit(w);
    m_canonical->setObjectName(QStringLiteral("canonicalView"));
    m_canonical->setReadOnly(true);
    m_canonical->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_canonical->setAccessibleName(tr("The event, pretty-printed"));
    l->addWidget(m_canonical, 2);
    auto *copyRow = new QHBoxLayout;
    auto *copyExact = new QPushButton(tr("Copy exact bytes"), w);
    copyExact->setObjectName(QStringLiteral("copyCanonicalButton"));
    copyExact->setToolTip(tr("The canonical JSON exactly as hashed into the tree (one line)"));
    connect(copyExact, &QPushButton::clicked, this, [this] {
        if (m_inspection)
            QApplication::clipboard()->setText(QString::fromStdString(m_inspection->event.canonical));
    });
    copyRow->addWidget(copyExact);
    copyRow->addStretch();
    l->addLayout(copyRow);
    l->addWidget(new QLabel(tr("Related events (same incident, run or record)"), w));
    m_related = new QListView(w);
    m_related->setObjectName(QStringLiteral("relatedList"));
    m_related->setAccessibleName(tr("Related events"));
    m_related->setModel(m_relatedLines);
    m_related->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_related->setUniformItemSizes(true);
    connect(m_related, &QListView::activated, this, [this](const QModelIndex &index) {
        if (const quint64 seq = index.data(LinesModel::ValueRole).toULongLong())
            Q_EMIT eventActivated(seq);
    });
    l->addWidget(m_related, 1);
    // Attachments, shown only when the event names some.
    m_attachmentBox = new QWidget(w);
    auto *al = new QVBoxLayout(m_attachmentBox);
    al->setContentsMargins(0, 0, 0, 0);
    l->addWidget(m_attachmentBox, 1);
    al->addWidget(new QLabel(tr("Attachments"), m_attachmentBox));
    m_attachments = new QListView(m_attachmentBox);
    m_attachments->setObjectName(QStringLiteral("attachmentList"));
    m_attachments->setModel(m_attachmentLines);
    m_attachments->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_attachments->setMaximumHeight(m_attachments->fontMetrics().height() * 4);
    al->addWidget(m_attachments);
    m_attachmentText = new QPlainTextEdit(m_attachmentBox);
    m_attachmentText->setObjectName(QStringLiteral("attachmentText"));
    m_attachmentText->setReadOnly(true);
    m_attachmentText->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_attachmentText->setVisible(false);
    al->addWidget(m_attachmentText, 1);
    m_attachmentImage = new QLabel(m_attachmentBox);
    m_attachmentImage->setObjectName(QStringLiteral("attachmentImage"));
    m_attachmentImage->setVisible(false);
    al->addWidget(m_attachmentImage);
    auto *attRow = new QHBoxLayout;
    m_saveAttachment = new QPushButton(tr("Save attachment…"), m_attachmentBox);
    m_saveAttachment->setObjectName(QStringLiteral("saveAttachmentButton"));
    m_saveAttachment->setEnabled(false);
    connect(m_saveAttachment, &QPushButton::clicked, this, [this] {
        const EventInspection::Attachment *a = currentAttachment();
        if (!a)
            return;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save the attachment"), a->name.isEmpty() ? a->sha256 : QFileInfo(a->name).fileName());
        if (!path.isEmpty())
            saveAttachment(a->sha256, path);
    });
    attRow->addWidget(m_saveAttachment);
    auto *copySha = new QPushButton(tr("Copy SHA-256"), m_attachmentBox);
    copySha->setObjectName(QStringLiteral("copyShaButton"));
    connect(copySha, &QPushButton::clicked, this, [this] {
        if (const EventInspection::Attachment *a = currentAttachment())
            QApplication::clipboard()->setText(a->sha256);
    });
    attRow->addWidget(copySha);
    attRow->addStretch();
    al->addLayout(attRow);
    connect(m_attachments->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &EventDetailView::showAttachment);
}

const EventInspection::Attachment *EventDetailView::currentAttachment() const {
    const int row = m_attachments->currentIndex().row();
    if (!m_inspection || row < 0 || row >= m_inspection->attachments.size())
        return nullptr;
    return &m_inspection->attachments.at(row);
}

void EventDetailView::showAttachment() {
    const EventInspection::Attachment *a = currentAttachment();
    m_attachmentText->setVisible(false);
    m_attachmentImage->setVisible(false);
    m_saveAttachment->setEnabled(a != nullptr);
    EvidenceStore *s = m_browsed();
    if (!a || !s)
        return;
    const QString type = a->mediaType;
    const qint64 size = a->size;
    const bool text = type.startsWith(QLatin1String("text/")) || type.contains(QLatin1String("json")) ||
                      type.contains(QLatin1String("yaml")) || type.contains(QLatin1String("pem"));
    const bool image = type.startsWith(QLatin1String("image/"));
    if ((!text && !image) || size > 8 * kInlineTextBytes)
        return;
    auto bytes = s->blob(a->sha256);
    if (!bytes.ok())
        return;
    if (text) {
        m_attachmentText->setPlainText(QString::fromUtf8(bytes->left(kInlineTextBytes)) +
                                       (bytes->size() > kInlineTextBytes
                                            ? tr("\n… (first 1 MiB shown; save it for the rest)")
                                            : QString()));
        m_attachmentText->setVisible(true);
    } else {
        QImage img;
        if (img.loadFromData(bytes.value())) {
            m_attachmentImage->setPixmap(
                QPixmap::fromImage(img.scaled(320, 240, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
            m_attachmentImage->setVisible(true);
        }
    }
}

void EventDetailView::inspect(quint64 seq) {
    EvidenceStore *s = m_browsed();
    m_relatedLines->setLines({});
    m_attachmentLines->setLines({});
    m_attachmentText->setVisible(false);
    m_attachmentImage->setVisible(false);
    m_attachmentBox->setVisible(false);
    if (!s || !seq) {
        m_inspection.reset();
        return;
    }
    auto in = inspectEvent(*s, seq);
    if (!in.ok()) {
        m_inspection.reset();
        m_header->setText(in.error().toString());
        return;
    }
    m_inspection = in.value();
    const StoredEvent &e = m_inspection->event;
    m_header->setText(
        tr("Event %1 · %2 · %3 · by %4 at %5")
            .arg(e.seq)
            .arg(e.kind, e.scope.isEmpty() ? tr("no scope") : e.scope, e.actor, Time::toIso(e.tsMs)));
    const bool sigBad = m_inspection->signature == EventInspection::Signature::Invalid;
    const bool batch = m_inspection->signature == EventInspection::Signature::Batch;
    // A key fingerprint is one unbreakable word wider than the pane: the line shows its first 16
    // hex digits, the tooltip (and `evidence show`) the whole of it.
    static const QRegularExpression fingerprint(QStringLiteral("(SHA256:[0-9a-f]{16})[0-9a-f]{48}"));
    QString detail = m_inspection->signatureDetail;
    detail.replace(fingerprint, QStringLiteral("\\1…"));
    m_signature->setText((sigBad  ? QStringLiteral("✘ ")
                          : batch ? QStringLiteral("● ")
                                  : QStringLiteral("✔ ")) +
                         tr("Signature: %1").arg(detail));
    m_signature->setToolTip(m_inspection->signatureDetail);
    m_signature->setProperty("state", sigBad  ? QStringLiteral("invalid")
                                      : batch ? QStringLiteral("batch")
                                              : QStringLiteral("valid"));
    m_signature->setStyleSheet(QStringLiteral("color: %1;")
                                   .arg(colours::onBase(sigBad  ? kRed
                                                        : batch ? kAmber
                                                                : kGreen,
                                                        palette())
                                            .name()));
    const bool proven = m_inspection->included && m_inspection->checkpointVerifies;
    QString witnessed;
    if (auto *team = dynamic_cast<PgEvidenceStore *>(s); team && m_inspection->treeSize > 0) {
        // The cosignatures of the checkpoint the proof reaches: who else vouched for it.
        auto cp = team->checkpointOfSize(m_inspection->treeSize);
        auto names = cp.ok() ? team->witnessesOf(cp.value()) : Result<QStringList>(cp.error());
        witnessed = !names.ok()        ? tr(" · witnesses unknown: %1").arg(names.error().message)
                    : names->isEmpty() ? tr(" · no console has cosigned this checkpoint yet")
                                       : tr(" · cosigned by %1").arg(names->join(QStringLiteral(", ")));
    }
    m_proof->setText((proven ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) +
                     tr("Inclusion proof: %1").arg(m_inspection->proofDetail) + witnessed);
    m_proof->setProperty("verified", proven);
    m_proof->setStyleSheet(
        QStringLiteral("color: %1;").arg(colours::onBase(proven ? kGreen : kRed, palette()).name()));
    m_proof->setToolTip(tr("Path (leaf to root):\n%1").arg([&] {
        QStringList hashes;
        for (const QByteArray &h : m_inspection->proofPath)
            hashes << QString::fromLatin1(h.toHex());
        return hashes.join(QLatin1Char('\n'));
    }()));
    m_leaf->setText(QString::fromLatin1(e.leafHash.toHex()));
    auto parsed = CanonicalJson::parse(e.canonical);
    m_canonical->setPlainText(parsed.ok() ? QString::fromStdString(CanonicalJson::pretty(parsed.value()))
                                          : QString::fromStdString(e.canonical));
    QList<LinesModel::Line> related;
    if (!m_inspection->refs.isEmpty())
        related.append({{tr("About %1").arg(m_inspection->refs.join(QStringLiteral(", ")))}, {}, {}, {}, {}});
    // The local file and the team log keep an index of the ids events name; this console's copy
    // of the team log (offline) is read by position only.
    const auto *browser = dynamic_cast<const EventBrowser *>(s);
    if (!browser)
        related.append({{tr("Related events need the log's id index: this console's copy of the team log "
                            "is read by position until the server is back")},
                        {},
                        {},
                        {},
                        {}});
    auto rows = browser ? browser->rows(m_inspection->related) : Result<QList<EventRow>>(QList<EventRow>{});
    for (const EventRow &r : orEmpty(rows))
        related.append(
            {{QStringLiteral("#%1  %2  %3  %4").arg(r.seq).arg(Time::toIso(r.tsMs), r.kind, r.actor)},
             {},
             {},
             static_cast<qulonglong>(r.seq),
             {}});
    m_relatedLines->setLines(related);
    QList<LinesModel::Line> attachments;
    for (const EventInspection::Attachment &a : m_inspection->attachments)
        attachments.append({{tr("%1  (%2, %3 bytes)  SHA-256 %4")
                                 .arg(a.name.isEmpty() ? tr("unnamed") : a.name, a.mediaType)
                                 .arg(a.size)
                                 .arg(a.sha256)},
                            {},
                            a.sha256,
                            a.sha256,
                            {}});
    m_attachmentLines->setLines(attachments);
    m_attachmentBox->setVisible(!attachments.isEmpty());
    if (!attachments.isEmpty())
        m_attachments->setCurrentIndex(m_attachmentLines->index(0, 0));
}

bool EventDetailView::saveAttachment(const QString &sha256, const QString &path) {
    EvidenceStore *s = m_browsed();
    auto bytes =
        s ? s->blob(sha256) : Result<QByteArray>(makeError(ErrorCode::Store, tr("no evidence store")));
    if (!bytes.ok()) {
        Q_EMIT message(bytes.error().toString(), true);
        return false;
    }
    // Readable by its owner only, and never written through a link planted at the target.
    if (auto written = FileUtil::writePrivateAtomic(path, bytes.value()); !written.ok()) {
        Q_EMIT message(tr("Cannot write %1: %2").arg(path, errorText(written.error())), true);
        return false;
    }
    Q_EMIT message(tr("Saved %1 bytes to %2 (SHA-256 %3).").arg(bytes->size()).arg(path, sha256), false);
    return true;
}

} // namespace ops::ui
