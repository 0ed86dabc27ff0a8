#pragma once

#include <QAbstractTableModel>
#include <QColor>
#include <QStringList>
#include <QVariant>

namespace ops::ui {

// The rows of a view's small read-only lists and tables (a record's fields and history, the
// handoff criteria, the verdicts verified so far): each row its cells, the colour of its status
// (already toned for the view's palette), a tooltip and a value the view acts on (an event's
// position, whether a criterion holds). A view fills it whole whenever what it shows changes.
class LinesModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    struct Line {
        QStringList cells;
        QColor colour;  // invalid: the palette's text colour
        QString tip;    // empty: the first cell
        QVariant value; // ValueRole
        // Colours of single cells (by column), over the row's.
        QList<QColor> cellColours;
    };
    enum Role { ValueRole = Qt::UserRole + 1 };

    explicit LinesModel(QStringList headers = {}, QObject *parent = nullptr);

    void setLines(QList<Line> lines);
    const Line &line(int row) const { return m_lines.at(row); }
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QStringList m_headers;
    QList<Line> m_lines;
};

} // namespace ops::ui
