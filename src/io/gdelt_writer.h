// The GDELT 2.0 event-table formatter (`--format gdelt`): what each of the 61 columns holds is described in
// gdelt_writer.cc.
#pragma once

#include <memory>

#include "io/writer.h"

namespace annalist {

std::unique_ptr<RecordFormatter> MakeGdeltFormatter();

}  // namespace annalist
