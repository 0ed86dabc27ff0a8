#pragma once

#include "common/LinesModel.h"

#include "store/EventInspection.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace ops {
class EvidenceStore;
class SqliteEvidenceStore;
} // namespace ops

namespace ops::ui {

// One event of the log as a reviewer checks it: its header, whether its signature verifies (and
// in which form), its inclusion proof against the latest checkpoint (with the team log's
// cosigners), the leaf hash, the exact bytes pretty-printed, related events and its attachments
// (text and images shown inline, any of them saved byte for byte).
class EventDetailView final : public QWidget {
    Q_OBJECT
public:
    using Browsed = std::function<EvidenceStore *()>; // the log browsed
    explicit EventDetailView(Browsed browsed, QWidget *parent = nullptr);

    // Inspects event `seq` of the browsed log (0: nothing shown).
    void inspect(quint64 seq);
    const EventInspection *inspection() const { return m_inspection ? &*m_inspection : nullptr; }
    // Writes the stored bytes of an attachment to `path` (owner-only permissions).
    bool saveAttachment(const QString &sha256, const QString &path);

Q_SIGNALS:
    void eventActivated(quint64 seq); // a related event was opened
    void message(const QString &text, bool error);

private:
    void showAttachment();
    // The attachment selected in the list (one of the inspection's), or none.
    const EventInspection::Attachment *currentAttachment() const;

    Browsed m_browsed;
    std::optional<EventInspection> m_inspection;
    QLabel *m_header = nullptr;
    QLabel *m_signature = nullptr;
    QLabel *m_proof = nullptr;
    QLineEdit *m_leaf = nullptr;
    QPlainTextEdit *m_canonical = nullptr;
    LinesModel *m_relatedLines;
    LinesModel *m_attachmentLines;
    QListView *m_related = nullptr;
    QWidget *m_attachmentBox = nullptr;
    QListView *m_attachments = nullptr;
    QPlainTextEdit *m_attachmentText = nullptr;
    QLabel *m_attachmentImage = nullptr;
    QPushButton *m_saveAttachment = nullptr;
};

} // namespace ops::ui
