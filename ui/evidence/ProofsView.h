#pragma once

#include "proofs/ProofSummary.h"

#include <QWidget>

#include <functional>
#include <optional>

class QLabel;
class QListView;
class QStandardItemModel;
class QPlainTextEdit;
class QPushButton;
class QTreeView;
class QTreeWidget;

namespace ops {
class Session;
class SqliteEvidenceStore;
} // namespace ops

namespace ops::ui {

class ProofSectionModel;

// Proof summaries (docs/domain-rules.md, "Proof summaries and verdicts"): a test-output capture imported from
// a file or pasted; its PASS / FAIL / NOT RUN / SKIP counts and overall verdict at a glance, failures grouped
// by layer with their debug actions. Recorded as evidence (capture attached) when someone is signed in.
class ProofsView final : public QWidget {
    Q_OBJECT
public:
    using StoreProvider = std::function<SqliteEvidenceStore *()>;
    // The recorded summaries' list: each row's event position.
    static constexpr int kSeqRole = Qt::UserRole + 1;
    ProofsView(Session *session, StoreProvider store, QWidget *parent = nullptr);

    bool importFile(const QString &path);
    void summarize(const QByteArray &capture, const QString &name);
    bool record();
    const ProofSummary *current() const { return m_summary ? &*m_summary : nullptr; }
    void refreshHistory();

Q_SIGNALS:
    void signInRequested();
    void recorded(quint64 seq);

private:
    void display(const ProofSummary &summary, const QString &name, bool recorded);
    void report(const QString &text, bool error = false);

    Session *m_session;
    StoreProvider m_store;
    QPlainTextEdit *m_paste;
    QLabel *m_banner;
    QLabel *m_counts;
    ProofSectionModel *m_sectionModel;
    QTreeView *m_sections;
    QTreeWidget *m_findings;
    QLabel *m_findingDetail;
    QLabel *m_warnings;
    QStandardItemModel *m_historyModel;
    QListView *m_history;
    QPushButton *m_record;
    QLabel *m_message;
    std::optional<ProofSummary> m_summary;
    QByteArray m_capture;
    QString m_name;
};

} // namespace ops::ui
