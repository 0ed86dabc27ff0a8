#include "EnvironmentBadge.h"

#include "Colours.h"

namespace ops::ui {

QColor EnvironmentBadge::colour(Environment env) {
    switch (env) {
    case Environment::Dev:
        return QColor(QLatin1String(colours::kBlue));
    case Environment::Staging:
        return QColor(QLatin1String(colours::kAmber));
    case Environment::Prod:
        return QColor(QLatin1String(colours::kRed));
    }
    return QColor(QLatin1String(colours::kGrey));
}

EnvironmentBadge::EnvironmentBadge(Environment env, QWidget *parent)
    : QLabel(parent)
    , m_env(env) {
    setObjectName(QStringLiteral("environmentBadge"));
    const QString name = environmentName(env).toUpper();
    setText(name);
    setAccessibleName(tr("Environment: %1").arg(name));
    setToolTip(env == Environment::Dev
                   ? tr("Development environment: demo data and dev-only switches are allowed")
                   : tr("%1 environment: secrets are required and dev-only switches are refused").arg(name));
    setStyleSheet(
        QStringLiteral("QLabel { background: %1; color: white; font-weight: bold; padding: 2px 10px;"
                       " border-radius: 4px; }")
            .arg(colour(env).name()));
}

} // namespace ops::ui
