import Bold from '@tiptap/extension-bold';
import Document from '@tiptap/extension-document';
import HardBreak from '@tiptap/extension-hard-break';
import Italic from '@tiptap/extension-italic';
import { BulletList, ListItem, ListKeymap, OrderedList } from '@tiptap/extension-list';
import Paragraph from '@tiptap/extension-paragraph';
import Text from '@tiptap/extension-text';

/**
 * The nodes and marks a rich-text field may hold — those `@sip/shared` accepts
 * (RICH_TEXT_NODES/MARKS), and no more, so nothing typed can be refused for its shape.
 */
export const RICH_TEXT_EXTENSIONS = [Document, Paragraph, Text, Bold, Italic, BulletList, OrderedList, ListItem, ListKeymap, HardBreak];
