#include "adapters/zip.h"

#include <unzip.h>
#include <zip.h>

#include <fstream>
#include <memory>

namespace smsdoc {

namespace {

constexpr unsigned kChunk = 1 << 16;
constexpr unsigned long kMadeByUnix = 3 << 8 | 20;  // host Unix, zip spec 2.0
constexpr unsigned long kUtf8Names = 1 << 11;       // general purpose flag bit 11
constexpr unsigned long kRegularFile0644 = 0100644ul << 16;

struct UnzCloser {
  void operator()(void* uf) const { unzClose(uf); }
};
using UnzHandle = std::unique_ptr<void, UnzCloser>;

UnzHandle OpenForReading(const std::filesystem::path& path) {
  return UnzHandle(unzOpen64(path.c_str()));
}

std::string AddEntry(zipFile zf, const ZipEntry& entry, const zip_fileinfo& info) {
  std::ifstream in(entry.source, std::ios::binary);
  if (!in) return "cannot read '" + entry.source.string() + "'";
  std::error_code ec;
  auto size = std::filesystem::file_size(entry.source, ec);
  int zip64 = !ec && size >= 0xffffffffu;
  if (zipOpenNewFileInZip4_64(zf, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr,
                              Z_DEFLATED, Z_DEFAULT_COMPRESSION, 0, -MAX_WBITS, DEF_MEM_LEVEL,
                              Z_DEFAULT_STRATEGY, nullptr, 0, kMadeByUnix, kUtf8Names,
                              zip64) != ZIP_OK)
    return "cannot add '" + entry.name + "'";
  std::string buffer(kChunk, '\0');
  bool ok = true;
  while (ok && in) {
    in.read(buffer.data(), kChunk);
    auto got = static_cast<unsigned>(in.gcount());
    if (got > 0) ok = zipWriteInFileInZip(zf, buffer.data(), got) == ZIP_OK;
  }
  ok = zipCloseFileInZip(zf) == ZIP_OK && ok && in.eof();
  return ok ? "" : "cannot write '" + entry.name + "'";
}

}  // namespace

std::string WriteZip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries,
                     ZipDate date, const std::string& comment) {
  zipFile zf = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  if (!zf) return "cannot create '" + path.string() + "'";
  // DOS dates cover 1980-2107 only.
  if (date.year < 1980) date = {1980, 1, 1};
  if (date.year > 2107) date = {2107, 12, 31};
  zip_fileinfo info{};
  info.tmz_date.tm_year = static_cast<uInt>(date.year);
  info.tmz_date.tm_mon = static_cast<uInt>(date.month - 1);
  info.tmz_date.tm_mday = static_cast<uInt>(date.day);
  info.external_fa = kRegularFile0644;
  for (const auto& entry : entries) {
    if (std::string error = AddEntry(zf, entry, info); !error.empty()) {
      zipClose(zf, nullptr);
      return error;
    }
  }
  if (zipClose(zf, comment.c_str()) != ZIP_OK) return "cannot finish '" + path.string() + "'";
  return "";
}

std::string ReadZip(const std::filesystem::path& path,
                    const std::function<void(const std::string&, const std::string&)>& visit,
                    const std::function<void(const std::string&, const std::string&)>& damaged) {
  // Built by appending: GCC 12 warns falsely (-Wrestrict) on "'" + string here.
  const std::string zip = std::string("'").append(path.string()).append("'");
  UnzHandle uf = OpenForReading(path);
  if (!uf) return zip + " is not a zip file";
  std::string name(65536, '\0'), buffer(kChunk, '\0');
  for (int status = unzGoToFirstFile(uf.get()); status != UNZ_END_OF_LIST_OF_FILE;
       status = unzGoToNextFile(uf.get())) {
    unz_file_info64 info;
    if (status != UNZ_OK || unzGetCurrentFileInfo64(uf.get(), &info, name.data(), name.size(),
                                                    nullptr, 0, nullptr, 0) != UNZ_OK)
      return zip + " is damaged: cannot list its entries";
    std::string entry = name.c_str();
    if (!entry.empty() && entry.back() == '/') continue;
    std::string bytes, why;
    if (unzOpenCurrentFile(uf.get()) != UNZ_OK) {
      why = "its header cannot be read";
    } else {
      int got;
      while ((got = unzReadCurrentFile(uf.get(), buffer.data(), kChunk)) > 0)
        bytes.append(buffer.data(), static_cast<size_t>(got));
      int closed = unzCloseCurrentFile(uf.get());
      if (got < 0)
        why = "its compressed data cannot be read";
      else if (closed == UNZ_CRCERROR)
        why = "its CRC-32 does not match its bytes";
      else if (closed != UNZ_OK)
        why = "it cannot be read";
    }
    if (why.empty()) {
      visit(entry, bytes);
    } else if (damaged) {
      damaged(entry, why);
    } else {
      return std::string("'")
          .append(entry)
          .append("' in ")
          .append(zip)
          .append(" is damaged: ")
          .append(why);
    }
  }
  return "";
}

std::optional<std::string> ZipComment(const std::filesystem::path& path) {
  UnzHandle uf = OpenForReading(path);
  if (!uf) return std::nullopt;
  unz_global_info64 info;
  if (unzGetGlobalInfo64(uf.get(), &info) != UNZ_OK) return std::nullopt;
  std::string comment(info.size_comment + 1, '\0');
  int got = unzGetGlobalComment(uf.get(), comment.data(), comment.size());
  if (got < 0) return std::nullopt;
  comment.resize(static_cast<size_t>(got));
  return comment;
}

}  // namespace smsdoc
