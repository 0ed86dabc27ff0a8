#pragma once

#include "common/Colours.h"
#include "derivations/Derivations.h"

#include <QCoreApplication>

#include <QWidget>

// The Derivations panel's status colours as the widget's palette shows them, a record's state in
// words and a field's value as text.
namespace ops::ui::derivation_items {

inline constexpr const char *kGray = colours::kGrey; // superseded, invalidated, history

// `colour` (one of the status colours or kGray) as text on `w`'s base: the palette's shade of red,
// green or amber, its placeholder colour for gray.
inline QColor tone(const QWidget *w, const QString &colour) {
    if (colour.isEmpty())
        return {};
    if (colour == QLatin1String(kGray))
        return w->palette().color(QPalette::PlaceholderText);
    return colours::onBase(colour.toLatin1().constData(), w->palette());
}

// The colour and words of a record's state, as a reviewer reads them.
inline std::pair<QString, QString> statusLook(const RecordState &s) {
    const bool inf = s.record.isInfeasible();
    switch (s.status) {
    case RecordStatus::Signed:
        return {QLatin1String(colours::kGreen),
                inf ? QCoreApplication::translate("ops::ui::DerivationsPanel", "✔ signed · typed INFEASIBLE")
                    : QCoreApplication::translate("ops::ui::DerivationsPanel", "✔ signed")};
    case RecordStatus::Accepted:
        return {QLatin1String(colours::kAmber),
                QCoreApplication::translate("ops::ui::DerivationsPanel", "accepted · to sign")};
    case RecordStatus::InReview:
        return {QLatin1String(colours::kAmber),
                QCoreApplication::translate("ops::ui::DerivationsPanel", "in review")};
    case RecordStatus::Rejected:
        return {QLatin1String(colours::kRed),
                QCoreApplication::translate("ops::ui::DerivationsPanel", "✘ rejected")};
    case RecordStatus::Superseded:
        return {
            QLatin1String(kGray),
            QCoreApplication::translate("ops::ui::DerivationsPanel", "superseded by %1").arg(s.supersededBy)};
    case RecordStatus::Invalidated:
        return {QLatin1String(kGray),
                QCoreApplication::translate("ops::ui::DerivationsPanel", "invalidated")};
    }
    return {QLatin1String(kGray), QString()};
}

inline QString fieldText(const JsonValue &v) {
    if (v.isString())
        return v.toQString();
    if (v.isNull())
        return QString();
    if (v.isArray()) {
        QStringList parts;
        for (const JsonValue &x : v.toArray())
            parts << fieldText(x);
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject()) {
        QStringList parts;
        for (const auto &[k, x] : v.toObject())
            parts << QString::fromStdString(k) + QStringLiteral(": ") + fieldText(x);
        return parts.join(QStringLiteral("; "));
    }
    return QString::fromStdString(std::to_string(v.toInt()));
}

} // namespace ops::ui::derivation_items
