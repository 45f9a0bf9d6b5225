/** Helpers behind {@link org.bluemarble.spatial}; not an API for other packages. */
package org.bluemarble.spatial.internal;
