// Statement parameters in binary form and the rows of a result (Pg.h).
#include "Pg.h"

#include <libpq-fe.h>

#include <endian.h>

namespace ops::pg {

namespace {

constexpr unsigned int kBoolOid = 16, kByteaOid = 17, kInt8Oid = 20, kTextOid = 25;

} // namespace

Params &Params::i64(qint64 v) {
    const quint64 be = htobe64(static_cast<quint64>(v));
    m_types.push_back(kInt8Oid);
    m_values.emplace_back(reinterpret_cast<const char *>(&be), 8);
    m_lengths.push_back(8);
    m_formats.push_back(1);
    return *this;
}

Params &Params::boolean(bool v) {
    m_types.push_back(kBoolOid);
    m_values.emplace_back(1, v ? '\1' : '\0');
    m_lengths.push_back(1);
    m_formats.push_back(1);
    return *this;
}

Params &Params::text(std::string_view v) {
    m_types.push_back(kTextOid);
    m_values.emplace_back(v.data(), static_cast<qsizetype>(v.size()));
    m_lengths.push_back(static_cast<int>(v.size()));
    m_formats.push_back(1);
    return *this;
}

Params &Params::text(const QString &v) {
    const QByteArray utf8 = v.toUtf8();
    return text(std::string_view(utf8.constData(), static_cast<std::size_t>(utf8.size())));
}

Params &Params::bytes(QByteArrayView v) {
    m_types.push_back(kByteaOid);
    m_values.emplace_back(v.data(), v.size());
    m_lengths.push_back(static_cast<int>(v.size()));
    m_formats.push_back(1);
    return *this;
}

std::vector<const char *> Params::values() const {
    std::vector<const char *> out;
    out.reserve(m_values.size());
    for (const QByteArray &v : m_values)
        out.push_back(v.constData());
    return out;
}

Rows::Rows(pg_result *res)
    : m_res(res, &PQclear) {
}

int Rows::count() const {
    return m_res ? PQntuples(m_res.get()) : 0;
}

bool Rows::isNull(int row, int col) const {
    return PQgetisnull(m_res.get(), row, col) != 0;
}

qint64 Rows::i64(int row, int col) const {
    if (isNull(row, col))
        return 0;
    const int len = PQgetlength(m_res.get(), row, col);
    const char *p = PQgetvalue(m_res.get(), row, col);
    if (len == 8) {
        quint64 be = 0;
        std::memcpy(&be, p, 8);
        return static_cast<qint64>(be64toh(be));
    }
    if (len == 4) {
        quint32 be = 0;
        std::memcpy(&be, p, 4);
        return static_cast<qint32>(be32toh(be));
    }
    return 0;
}

bool Rows::boolean(int row, int col) const {
    return !isNull(row, col) && PQgetlength(m_res.get(), row, col) == 1 &&
           *PQgetvalue(m_res.get(), row, col) != 0;
}

std::string_view Rows::textView(int row, int col) const {
    return {PQgetvalue(m_res.get(), row, col), static_cast<std::size_t>(PQgetlength(m_res.get(), row, col))};
}

QString Rows::text(int row, int col) const {
    const std::string_view v = textView(row, col);
    return QString::fromUtf8(v.data(), static_cast<qsizetype>(v.size()));
}

QByteArrayView Rows::bytesView(int row, int col) const {
    return {PQgetvalue(m_res.get(), row, col), PQgetlength(m_res.get(), row, col)};
}

} // namespace ops::pg
