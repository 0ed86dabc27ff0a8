#include "ProofSectionModel.h"

#include "common/Colours.h"

namespace ops::ui {

void ProofSectionModel::setSections(const QList<ProofSection> &sections, const QPalette &palette) {
    beginResetModel();
    m_sections = sections;
    m_palette = palette;
    endResetModel();
}

int ProofSectionModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_sections.size());
}

int ProofSectionModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProofSectionModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProofSection &x = m_sections.at(index.row());
    const auto count = [&](int column) -> qint64 {
        switch (column) {
        case Passed:
            return x.pass;
        case Failed:
            return x.fail;
        case NotRun:
            return x.notRun;
        case Skipped:
            return x.skip;
        default:
            return x.firstLine;
        }
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return x.name;
        case Verdict:
            return x.overall;
        case Lines:
            return x.firstLine == x.lastLine ? QString::number(x.firstLine)
                                             : QStringLiteral("%1–%2").arg(x.firstLine).arg(x.lastLine);
        default:
            return QString::number(count(index.column()));
        }
    case Qt::ToolTipRole:
        return index.column() == Name ? x.name : QVariant();
    case Qt::ForegroundRole:
        if (index.column() != Verdict)
            return {};
        return colours::onBase(x.overall == QLatin1String("PASS")   ? colours::kGreen
                               : x.overall == QLatin1String("FAIL") ? colours::kRed
                                                                    : colours::kAmber,
                               m_palette);
    case Qt::TextAlignmentRole:
        if (index.column() >= Passed)
            return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
        return {};
    default:
        return {};
    }
}

QVariant ProofSectionModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Section");
    case Verdict:
        return tr("Verdict");
    case Passed:
        return tr("Passed");
    case Failed:
        return tr("Failed");
    case NotRun:
        return tr("Not run");
    case Skipped:
        return tr("Skipped");
    case Lines:
        return tr("Lines");
    default:
        return {};
    }
}

} // namespace ops::ui
