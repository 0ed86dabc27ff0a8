#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace ops {
class SilenceBook;
class SilenceListModel;
} // namespace ops

namespace ops::ui {

// The Alerts panel's Silences tab: silences in force, maintenance windows coming up and those
// that ended, with a line that says what a silence does (and does not) hold.
class SilencesView final : public QWidget {
    Q_OBJECT
public:
    explicit SilencesView(QWidget *parent = nullptr);

    // The book as of `nowMs`; the selected silence stays selected. Returns how many are in force.
    int showBook(const SilenceBook &book, qint64 nowMs);
    // The id of the selected silence when it is in force.
    QString selectedActiveId() const;
    SilenceListModel *model() const { return m_model; }

Q_SIGNALS:
    void selectionChanged();

private:
    SilenceListModel *m_model;
    QTableView *m_table;
    QLabel *m_status;
};

} // namespace ops::ui
