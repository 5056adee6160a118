-- AlterTable
ALTER TABLE "entities" ADD COLUMN     "orphaned_at" TIMESTAMP(3),
ADD COLUMN     "source_file" TEXT;
