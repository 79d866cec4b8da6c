#include "load/recording_disk.h"

#include <atomic>

#include "adapters/sha256.h"
#include "base/parallel.h"

namespace smsdoc {

namespace {

std::string Digest(const std::optional<std::string>& bytes) {
  return bytes ? Sha256Hex(*bytes) : "-";
}

std::string Digest(const FileList& list) {
  std::string all;
  for (const auto& f : list.files) all.append(f).push_back('\n');
  all.push_back('\n');
  for (const auto& u : list.unreadable) all.append(u.path).append(": ").append(u.reason) += '\n';
  return Sha256Hex(all);
}

std::string Digest(const std::optional<uintmax_t>& size) {
  return size ? std::to_string(*size) : "-";
}

std::string Digest(bool yes) { return yes ? "yes" : "no"; }

// The answer `disk` gives now to the question of `read`.
std::string Answer(const Disk& disk, const DiskRead& read) {
  if (read.op == "read") return Digest(disk.ReadFile(read.path));
  if (read.op == "why") return disk.WhyUnreadable(read.path);
  if (read.op == "size") return Digest(disk.FileSize(read.path));
  if (read.op == "list") return Digest(disk.ListFiles(read.path));
  if (read.op == "inside") return Digest(disk.IsInsideRoot(read.path));
  if (read.op == "folder") return Digest(disk.IsFolder(read.path));
  return "?";  // a question this binary does not ask: never the same
}

}  // namespace

void ReadRecorder::Note(DiskRead read) {
  std::lock_guard lock(mutex_);
  reads_.insert(std::move(read));
}

std::vector<DiskRead> ReadRecorder::Reads() const {
  std::lock_guard lock(mutex_);
  return {reads_.begin(), reads_.end()};
}

RecordingDisk::RecordingDisk(std::unique_ptr<Disk> inner, std::string disk,
                             std::shared_ptr<ReadRecorder> recorder)
    : inner_(std::move(inner)), name_(std::move(disk)), recorder_(std::move(recorder)) {}

std::optional<std::string> RecordingDisk::ReadFile(const std::string& path) const {
  auto bytes = inner_->ReadFile(path);
  recorder_->Note({name_, "read", path, Digest(bytes)});
  return bytes;
}

std::string RecordingDisk::WhyUnreadable(const std::string& path) const {
  std::string why = inner_->WhyUnreadable(path);
  recorder_->Note({name_, "why", path, why});
  return why;
}

std::optional<uintmax_t> RecordingDisk::FileSize(const std::string& path) const {
  auto size = inner_->FileSize(path);
  recorder_->Note({name_, "size", path, Digest(size)});
  return size;
}

FileList RecordingDisk::ListFiles(const std::string& dir) const {
  FileList list = inner_->ListFiles(dir);
  recorder_->Note({name_, "list", dir, Digest(list)});
  return list;
}

bool RecordingDisk::IsInsideRoot(const std::string& path) const {
  bool inside = inner_->IsInsideRoot(path);
  recorder_->Note({name_, "inside", path, Digest(inside)});
  return inside;
}

bool RecordingDisk::IsFolder(const std::string& path) const {
  bool folder = inner_->IsFolder(path);
  recorder_->Note({name_, "folder", path, Digest(folder)});
  return folder;
}

bool SameAnswers(const std::vector<DiskRead>& reads,
                 const std::map<std::string, const Disk*>& disks, int jobs) {
  std::atomic<bool> same{true};
  ParallelFor(reads.size(), jobs, [&](size_t i) {
    if (!same) return;  // one difference is enough
    auto it = disks.find(reads[i].disk);
    if (it == disks.end() || !it->second || Answer(*it->second, reads[i]) != reads[i].answer)
      same = false;
  });
  return same;
}

}  // namespace smsdoc
