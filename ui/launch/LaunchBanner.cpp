#include "LaunchBanner.h"

#include "common/Colours.h"
#include "common/TimeFormat.h"
#include "launch/Launch.h"

namespace ops::ui {

using colours::kGreen;
using colours::kRed;

LaunchBanner::LaunchBanner(QWidget *parent)
    : QLabel(parent) {
    setObjectName(QStringLiteral("launchBanner"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setMinimumHeight(64);
    QFont big = font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    setFont(big);
}

void LaunchBanner::showStatus(const LaunchStatus &st) {
    QString banner;
    QString colour;
    int holding = 0;
    for (const NoGoRule &r : st.rules)
        holding += r.holds ? 1 : 0;
    int valid = 0;
    for (const LaunchSignoff &s : st.signoffs)
        valid += s.state == SignoffState::Valid ? 1 : 0;
    if (st.decided) {
        banner = tr("%1 recorded by %2 at %3")
                     .arg(st.decided->decision, st.decided->actor, TimeFormat::minutes(st.decided->tsMs));
        if ((st.decided->decision == QLatin1String("GO")) != st.go)
            banner += QLatin1Char('\n') +
                      tr("The evidence now says %1: %2")
                          .arg(st.go ? QStringLiteral("GO") : QStringLiteral("NO-GO"),
                               st.reasons.isEmpty() ? QString() : st.reasons.first().second.translated());
        colour = st.decided->decision == QLatin1String("GO") ? QLatin1String(kGreen) : QLatin1String(kRed);
    } else if (st.go) {
        banner = tr("GO — every check holds, three sign-offs verify, no no-go rule holds");
        colour = QLatin1String(kGreen);
    } else {
        QStringList why;
        if (!st.run)
            why << tr("no launch started");
        else
            why << tr("%1 of %2 checks hold").arg(st.checksHolding()).arg(st.checks.size())
                << tr("%1 of 3 sign-offs valid").arg(valid);
        why << (holding == 1 ? tr("1 no-go rule holds") : tr("%1 no-go rules hold").arg(holding));
        banner = tr("NO-GO — %1").arg(why.join(QStringLiteral(" · ")));
        colour = QLatin1String(kRed);
    }
    if (st.rehearsal)
        banner += QLatin1Char('\n') + tr("Rehearsal: the %1 environment, not prod").arg(st.environment);
    setText(banner);
    setAccessibleName(banner);
    setProperty("decision", st.go ? QStringLiteral("GO") : QStringLiteral("NO-GO"));
    setStyleSheet(QStringLiteral("QLabel { background: %1; color: white; border-radius: 6px; padding: 8px; }")
                      .arg(colour));
}

} // namespace ops::ui
