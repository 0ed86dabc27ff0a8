#pragma once

// A blocking HTTP request for integration tests (an event loop until the reply finishes), and
// the value of one series in a Prometheus text exposition.

#include <QByteArray>
#include <QEventLoop>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

namespace ops::test {

struct HttpReply {
    int status = 0;
    QByteArray body;
};

inline HttpReply httpRequest(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                             const QList<QPair<QByteArray, QByteArray>> &headers = {}) {
    QNetworkAccessManager nam;
    QNetworkRequest req(url);
    if (!body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply *r = nam.sendCustomRequest(req, verb, body);
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!r->isFinished())
        loop.exec();
    HttpReply out{r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), r->readAll()};
    r->deleteLater();
    return out;
}

// The value of one sample line ("name{labels} value"), or -1 when absent.
inline double metricSample(const QByteArray &text, const QByteArray &series) {
    for (const QByteArray &line : text.split('\n'))
        if (line.startsWith(QByteArray(series + ' ')))
            return line.mid(series.size() + 1).toDouble();
    return -1;
}

} // namespace ops::test
