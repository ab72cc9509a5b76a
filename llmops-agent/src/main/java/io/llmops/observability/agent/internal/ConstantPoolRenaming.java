package io.llmops.observability.agent.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Renames classes in a class file by rewriting the text entries of its constant pool, where every
 * class name, descriptor and signature of the file is spelled: everything after the pool is
 * copied as it is, since it refers to entries by index only. For the agent's small bridges, whose
 * copies must carry a {@code java.base} name, this costs a fraction of a parse and rewrite with
 * ASM on a thread that is on the agent's start-up path. Internal.
 */
final class ConstantPoolRenaming {

  private static final int UTF8 = 1;
  private static final int INTEGER = 3;
  private static final int FLOAT = 4;
  private static final int LONG = 5;
  private static final int DOUBLE = 6;
  private static final int CLASS = 7;
  private static final int STRING = 8;
  private static final int FIELD = 9;
  private static final int METHOD = 10;
  private static final int INTERFACE_METHOD = 11;
  private static final int NAME_AND_TYPE = 12;
  private static final int METHOD_HANDLE = 15;
  private static final int METHOD_TYPE = 16;
  private static final int DYNAMIC = 17;
  private static final int INVOKE_DYNAMIC = 18;
  private static final int MODULE = 19;
  private static final int PACKAGE = 20;

  private ConstantPoolRenaming() {}

  /**
   * {@code classFile} with each internal name of {@code renaming}'s keys replaced by its value
   * wherever a text entry spells it (names are ASCII, so a byte-wise replacement keeps every
   * other character of the modified UTF-8 text as it was).
   *
   * @throws IllegalArgumentException when {@code classFile} is not a class file
   */
  static byte[] rename(byte[] classFile, Map<String, String> renaming) {
    if (classFile.length < 10 || readInt(classFile, 0) != 0xCAFEBABE) {
      throw new IllegalArgumentException("classFile: not a class file");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 256);
    out.write(classFile, 0, 10);
    int count = readShort(classFile, 8);
    int at = 10;
    for (int index = 1; index < count; index++) {
      int tag = classFile[at] & 0xFF;
      if (tag == UTF8) {
        int length = readShort(classFile, at + 1);
        String text = new String(classFile, at + 3, length, StandardCharsets.ISO_8859_1);
        byte[] renamed = renamed(text, renaming).getBytes(StandardCharsets.ISO_8859_1);
        out.write(UTF8);
        out.write(renamed.length >>> 8);
        out.write(renamed.length);
        out.writeBytes(renamed);
        at += 3 + length;
        continue;
      }
      int size = entrySize(tag);
      out.write(classFile, at, size);
      at += size;
      if (tag == LONG || tag == DOUBLE) {
        index++; // takes two slots of the pool
      }
    }
    out.write(classFile, at, classFile.length - at);
    return out.toByteArray();
  }

  private static String renamed(String text, Map<String, String> renaming) {
    String result = text;
    for (Map.Entry<String, String> name : renaming.entrySet()) {
      result = result.replace(name.getKey(), name.getValue());
    }
    return result;
  }

  /** The size of a constant pool entry other than text, its tag included. */
  private static int entrySize(int tag) {
    switch (tag) {
      case CLASS, STRING, METHOD_TYPE, MODULE, PACKAGE:
        return 3;
      case METHOD_HANDLE:
        return 4;
      case INTEGER, FLOAT, FIELD, METHOD, INTERFACE_METHOD, NAME_AND_TYPE, DYNAMIC,
          INVOKE_DYNAMIC:
        return 5;
      case LONG, DOUBLE:
        return 9;
      default:
        throw new IllegalArgumentException("classFile: unknown constant pool tag " + tag);
    }
  }

  private static int readShort(byte[] bytes, int at) {
    return (bytes[at] & 0xFF) << 8 | bytes[at + 1] & 0xFF;
  }

  private static int readInt(byte[] bytes, int at) {
    return readShort(bytes, at) << 16 | readShort(bytes, at + 2);
  }
}
